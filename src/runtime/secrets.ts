/**
 * API keys: where they come from, and keeping them out of every text PromptCost writes. The CLI
 * reads environment variables; the extension implements KeySource over VS Code's SecretStorage.
 */

export interface KeySource {
  /** The key for a provider (`openai`, `anthropic`, `google`, `openrouter`, a configured name), if any. */
  get(provider: string): Promise<string | undefined>;
  /** Where the user sets that key, for messages ("the OPENAI_API_KEY environment variable"). */
  describe(provider: string): string;
}

/** The usual environment variable of each provider with a key; `apiKeyEnv` in .promptcost.yaml overrides it. */
export const KEY_ENV: Readonly<Record<string, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  google: 'GEMINI_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  groq: 'GROQ_API_KEY',
  together: 'TOGETHER_API_KEY',
};

/** Keys from environment variables, as the CLI reads them. */
export class EnvKeySource implements KeySource {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly providers: Readonly<Record<string, { apiKeyEnv?: string }>> = {},
  ) {}

  async get(provider: string): Promise<string | undefined> {
    const value = this.env[this.variable(provider)]?.trim();
    if (value) rememberSecret(value);
    return value || undefined;
  }

  describe(provider: string): string {
    return `the ${this.variable(provider)} environment variable`;
  }

  private variable(provider: string): string {
    return this.providers[provider]?.apiKeyEnv ?? KEY_ENV[provider] ?? `${provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`;
  }
}

/**
 * Every key handed out in this process, so that scrub() removes it even where no pattern below
 * recognises its shape. Bounded by the number of distinct keys a user has, which is small.
 */
const known = new Set<string>();

/** Registers a key so scrub() removes it; KeySource implementations call this for each key they return. */
export function rememberSecret(key: string): void {
  if (key.length >= 8) known.add(key);
}

export const REDACTED = '[redacted]';

/** Shapes of keys and credentials that may appear in SDK error texts, URLs and headers, with their replacement. */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\bsk-[A-Za-z0-9_-]{8,}/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{20,}/g, REDACTED],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  [/([?&](?:key|api[_-]?key|token)=)[^&\s"']+/gi, `$1${REDACTED}`],
  [/((?:x-api-key|x-goog-api-key|api-key)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1${REDACTED}`],
];

/** The text with every known key and every key-shaped token replaced by [redacted]. */
export function scrub(text: string): string {
  let out = text;
  for (const key of known) if (out.includes(key)) out = out.split(key).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
