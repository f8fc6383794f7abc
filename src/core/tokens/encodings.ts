/**
 * Exact BPE counts with gpt-tokenizer. Each encoding module carries its rank table (1-2.4 MB of JS),
 * so it is required on the first count for that encoding, never when this module is imported.
 */
import type { ExactFamily } from './families';
import { withUnicodeWhiteSpace } from './split-regex';

type EncodingModule = typeof import('gpt-tokenizer/cjs/encoding/o200k_base');

/** Bounds gpt-tokenizer's own merge cache (its default is 100,000 entries) so memory stays flat. */
const MERGE_CACHE_SIZE = 20_000;

/** Special-token text in a prompt is ordinary text: nothing is disallowed, nothing is special. */
const AS_PLAIN_TEXT = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

const loaded = new Map<ExactFamily, EncodingModule>();

function load(encoding: ExactFamily): EncodingModule {
  let module = loaded.get(encoding);
  if (!module) {
    // Literal paths so that esbuild bundles both modules; each is evaluated only on this first call.
    module =
      encoding === 'o200k_base'
        ? (require('gpt-tokenizer/cjs/encoding/o200k_base') as EncodingModule)
        : (require('gpt-tokenizer/cjs/encoding/cl100k_base') as EncodingModule);
    module.setMergeCacheSize(MERGE_CACHE_SIZE);
    matchTiktokenWhiteSpace(module);
    loaded.set(encoding, module);
  }
  return module;
}

/**
 * Gives the encoder tiktoken's whitespace semantics (see split-regex.ts). gpt-tokenizer keeps the
 * split pattern on its private BPE core; the version is pinned, and the tiktoken test case
 * " \x850" in test/unit/tokens fails if this stops taking effect.
 */
function matchTiktokenWhiteSpace(module: EncodingModule): void {
  const core = (module.default as unknown as { bytePairEncodingCoreProcessor?: { tokenSplitRegex?: unknown } }).bytePairEncodingCoreProcessor;
  if (!core || !(core.tokenSplitRegex instanceof RegExp)) throw new Error('gpt-tokenizer internals changed: no tokenSplitRegex to correct');
  core.tokenSplitRegex = withUnicodeWhiteSpace(core.tokenSplitRegex);
}

/** Token ids of `text` in `encoding`, special-token text encoded as plain text. */
export function encode(text: string, encoding: ExactFamily): number[] {
  return load(encoding).encode(text, AS_PLAIN_TEXT);
}

/** Number of tokens of `text` in `encoding`, special-token text counted as plain text. */
export function countExact(text: string, encoding: ExactFamily): number {
  return load(encoding).countTokens(text, AS_PLAIN_TEXT);
}

/** Which encodings have had their rank data loaded (lets tests check that loading is lazy). */
export function loadedEncodings(): ExactFamily[] {
  return [...loaded.keys()];
}
