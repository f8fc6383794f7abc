/**
 * The one entry point for token counts: exact for OpenAI encodings, an estimate marked as such
 * for every other family. Results are cached per (family, text) in a bounded LRU.
 */
import { countExact } from './encodings';
import { FAMILY_FACTORS } from './factors';
import { isExactFamily, type TokenizerFamily } from './families';
import { LruCache } from '../lru';
import { nonLatinText } from './script';

export interface TokenCount {
  tokens: number;
  /** False only when the count comes from the model's own encoding. */
  estimate: boolean;
  family: TokenizerFamily;
  /** Effective o200k_base multiplier used for this text (estimates only). */
  factor?: number;
  /** Where the factor comes from (estimates only). */
  factorSource?: string;
}

/** Strings kept per cache; prompts are short, so this bounds memory to a few MB. */
const CACHE_CAPACITY = 5_000;

const cache = new LruCache<string, TokenCount>(CACHE_CAPACITY);

export function countTokens(text: string, family: TokenizerFamily): TokenCount {
  const key = `${family}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = isExactFamily(family) ? { tokens: countExact(text, family), estimate: false, family } : estimate(text, family);
  cache.set(key, result);
  return result;
}

/**
 * o200k_base count with the Latin factor, plus the tokens of the non-Latin runs moved to the
 * non-Latin factor. Rounded up: a fraction of a token is still billed as one.
 */
function estimate(text: string, family: Exclude<TokenizerFamily, 'o200k_base' | 'cl100k_base'>): TokenCount {
  const { latin, nonLatin, source } = FAMILY_FACTORS[family];
  const base = countExact(text, 'o200k_base');
  const foreign = nonLatinText(text);
  const foreignBase = foreign ? Math.min(base, countExact(foreign, 'o200k_base')) : 0;
  const raw = (base - foreignBase) * latin + foreignBase * nonLatin;
  // The epsilon keeps float noise (100 * 1.03 = 103.00000000000001) from adding a token.
  const tokens = Math.max(0, Math.ceil(raw - 1e-9));
  return { tokens, estimate: true, family, factor: base === 0 ? latin : raw / base, factorSource: source };
}

/** Drops cached counts (for tests and for memory pressure). */
export function clearTokenCountCache(): void {
  cache.clear();
}
