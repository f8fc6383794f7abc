/**
 * Tokenizer families. Two are exact (OpenAI's BPE encodings, counted with their own rank files);
 * the rest are estimated from an o200k_base count times a calibrated factor (see factors.ts).
 * A family is finer than a provider: Claude has had three tokenizers with very different counts.
 */
export const EXACT_FAMILIES = ['o200k_base', 'cl100k_base'] as const;

export const ESTIMATED_FAMILIES = [
  'claude-legacy',
  'claude-2025',
  'claude-opus-4.7',
  'gemini',
  'llama',
  'mistral',
  'deepseek',
  'qwen',
  'other',
] as const;

export type ExactFamily = (typeof EXACT_FAMILIES)[number];
export type EstimatedFamily = (typeof ESTIMATED_FAMILIES)[number];
export type TokenizerFamily = ExactFamily | EstimatedFamily;

export const TOKENIZER_FAMILIES: readonly TokenizerFamily[] = [...EXACT_FAMILIES, ...ESTIMATED_FAMILIES];

/** True when `value` names a family we know (used to validate user overrides). */
export function isTokenizerFamily(value: unknown): value is TokenizerFamily {
  return typeof value === 'string' && (TOKENIZER_FAMILIES as readonly string[]).includes(value);
}

/** True when counts for `family` come from the real encoding rather than a factor. */
export function isExactFamily(family: TokenizerFamily): family is ExactFamily {
  return (EXACT_FAMILIES as readonly string[]).includes(family);
}
