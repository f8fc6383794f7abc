/**
 * Where each provider is reached and with which wire format. Base URLs of `providers:` in
 * .promptcost.yaml override these (that is also how tests and local servers are pointed at).
 * OpenAI's base URL includes `/v1`; Anthropic's and Gemini's are the host only, as their SDKs expect.
 */

export type Wire = 'openai' | 'anthropic' | 'google' | 'openai-compatible';

export interface Endpoint {
  /** Provider name as in model ids and `providers:` (`openai`, `ollama`, `acme`). */
  provider: string;
  label: string;
  wire: Wire;
  /** Undefined: the SDK's own default (the provider's public API). */
  baseUrl?: string;
  /** Local servers need no key. */
  local: boolean;
  /** How to start a local server, for the "cannot reach" message. */
  startHint?: string;
}

type Known = Omit<Endpoint, 'provider'>;

const KNOWN: Readonly<Record<string, Known>> = {
  openai: { label: 'OpenAI', wire: 'openai', local: false },
  anthropic: { label: 'Anthropic', wire: 'anthropic', local: false },
  google: { label: 'Google Gemini', wire: 'google', local: false },
  openrouter: { label: 'OpenRouter', wire: 'openai-compatible', baseUrl: 'https://openrouter.ai/api/v1', local: false },
  groq: { label: 'Groq', wire: 'openai-compatible', baseUrl: 'https://api.groq.com/openai/v1', local: false },
  together: { label: 'Together', wire: 'openai-compatible', baseUrl: 'https://api.together.xyz/v1', local: false },
  ollama: { label: 'Ollama', wire: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', local: true, startHint: 'ollama serve' },
  lmstudio: { label: 'LM Studio', wire: 'openai-compatible', baseUrl: 'http://localhost:1234/v1', local: true, startHint: 'lms server start' },
  localai: { label: 'LocalAI', wire: 'openai-compatible', baseUrl: 'http://localhost:8080/v1', local: true, startHint: 'local-ai run' },
  vllm: { label: 'vLLM', wire: 'openai-compatible', baseUrl: 'http://localhost:8000/v1', local: true, startHint: 'vllm serve <model>' },
};

/** Other spellings of provider names in model ids. */
const ALIASES: Readonly<Record<string, string>> = { gemini: 'google', lm_studio: 'lmstudio', ollama_chat: 'ollama', hosted_vllm: 'vllm' };

export type ProvidersConfig = Readonly<Record<string, { baseUrl?: string; apiKeyEnv?: string }>>;

/** The canonical provider name for a spelling, or undefined when neither built in nor configured. */
export function providerName(spelling: string, configured: ProvidersConfig): string | undefined {
  if (configured[spelling]) return spelling;
  const lower = spelling.toLowerCase();
  const name = ALIASES[lower] ?? lower;
  return KNOWN[name] || configured[name] ? name : undefined;
}

/**
 * The endpoint of a provider: built in, overridden or added by `providers:`. A configured name
 * that is not built in speaks the OpenAI-compatible format; a loopback base URL makes it local.
 */
export function endpointFor(provider: string, configured: ProvidersConfig): Endpoint | undefined {
  const known = KNOWN[provider];
  const baseUrl = configured[provider]?.baseUrl;
  if (known) return { provider, ...known, baseUrl: baseUrl ?? known.baseUrl };
  if (!baseUrl) return undefined;
  return { provider, label: provider, wire: 'openai-compatible', baseUrl, local: isLoopback(baseUrl) };
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
  } catch {
    return false;
  }
}
