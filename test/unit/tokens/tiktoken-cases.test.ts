import assert from 'node:assert/strict';
import { getEncoding } from 'js-tiktoken';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { countTokens, encode, type ExactFamily } from '../../../src/core/tokens';
import { mixedText } from './mixed-text';

/**
 * Cases from tiktoken's own tests (tests/test_encoding.py: test_simple, test_simple_regex,
 * test_encode_surrogate_pairs, special tokens) plus a few prompt-shaped strings, with the ids
 * tiktoken gives. Special-token text is encoded as plain text (allowed_special=set(), disallowed_special=()).
 */
const CASES: ReadonlyArray<{ text: string; ids: Record<ExactFamily, number[]> }> = [
  { text: 'hello world', ids: { cl100k_base: [15339, 1917], o200k_base: [24912, 2375] } },
  { text: ' \x850', ids: { cl100k_base: [220, 126, 227, 15], o200k_base: [220, 126, 227, 15] } },
  { text: '👍', ids: { cl100k_base: [9468, 239, 235], o200k_base: [82514] } },
  { text: 'rer', ids: { cl100k_base: [38149], o200k_base: [27653] } },
  { text: "'rer", ids: { cl100k_base: [2351, 81], o200k_base: [15770, 259] } },
  { text: 'today\n ', ids: { cl100k_base: [31213, 198, 220], o200k_base: [58744, 198, 220] } },
  { text: 'today\n \n', ids: { cl100k_base: [31213, 27907], o200k_base: [58744, 47812] } },
  { text: 'today\n  \n', ids: { cl100k_base: [31213, 14211], o200k_base: [58744, 31835] } },
  { text: 'hello <|endoftext|>', ids: { cl100k_base: [15339, 83739, 8862, 728, 428, 91, 29], o200k_base: [24912, 464, 91, 419, 1440, 919, 91, 29] } },
  { text: '<|endoftext|>', ids: { cl100k_base: [27, 91, 8862, 728, 428, 91, 29], o200k_base: [27, 91, 419, 1440, 919, 91, 29] } },
  {
    text: '<|fim_prefix|>x<|fim_suffix|>',
    ids: { cl100k_base: [27, 91, 69, 318, 14301, 91, 29, 87, 27, 91, 69, 318, 38251, 91, 29], o200k_base: [27, 91, 103473, 33197, 91, 29, 87, 27, 91, 103473, 87556, 91, 29] },
  },
  { text: '', ids: { cl100k_base: [], o200k_base: [] } },
  { text: '0000000', ids: { cl100k_base: [931, 931, 15], o200k_base: [1302, 1302, 15] } },
  { text: '  \n', ids: { cl100k_base: [2355], o200k_base: [4066] } },
  { text: 'x \u0085 y', ids: { cl100k_base: [87, 2188, 227, 379], o200k_base: [87, 1322, 227, 342] } },
  { text: 'Hello, 世界! مرحبا', ids: { cl100k_base: [9906, 11, 220, 3574, 244, 98220, 0, 24252, 11318, 30925, 22071, 5821], o200k_base: [13225, 11, 185558, 0, 60397, 26537] } },
  { text: 'def f(x):\n    return x ** 2\n', ids: { cl100k_base: [755, 282, 2120, 997, 262, 471, 865, 3146, 220, 17, 198], o200k_base: [1314, 285, 4061, 1883, 271, 622, 1215, 6240, 220, 17, 198] } },
  { text: '{"a": [1, 2.5, null]}', ids: { cl100k_base: [5018, 64, 794, 510, 16, 11, 220, 17, 13, 20, 11, 854, 14316], o200k_base: [10848, 64, 1243, 723, 16, 11, 220, 17, 13, 20, 11, 1256, 28000] } },
  { text: "I'm can't we'll", ids: { cl100k_base: [40, 2846, 649, 956, 584, 3358], o200k_base: [15390, 8535, 22782] } },
  { text: 'naïve café', ids: { cl100k_base: [3458, 38672, 588, 53050], o200k_base: [1503, 9954, 737, 30469] } },
];

const FAMILIES: readonly ExactFamily[] = ['cl100k_base', 'o200k_base'];

describe('exact token counts (tiktoken parity)', () => {
  const wasm = new Map<ExactFamily, Tiktoken>();
  before(() => {
    for (const family of FAMILIES) wasm.set(family, get_encoding(family));
  });
  after(() => {
    for (const encoder of wasm.values()) encoder.free();
  });

  for (const family of FAMILIES) {
    describe(family, () => {
      for (const { text, ids } of CASES) {
        it(`encodes ${JSON.stringify(text)}`, () => {
          assert.deepEqual(Array.from(wasm.get(family)!.encode(text, [], [])), ids[family], 'table disagrees with tiktoken');
          assert.deepEqual(encode(text, family), ids[family]);
          assert.deepEqual(countTokens(text, family), { tokens: ids[family].length, estimate: false, family });
        });
      }

      it('counts ~200 KB of mixed text exactly as tiktoken and js-tiktoken do', () => {
        const text = mixedText();
        assert.ok(text.length >= 200_000);
        const expected = wasm.get(family)!.encode(text, [], []).length;
        assert.equal(getEncoding(family).encode(text, [], []).length, expected, 'js-tiktoken disagrees with tiktoken');
        assert.equal(countTokens(text, family).tokens, expected);
        assert.deepEqual(encode(text, family), Array.from(wasm.get(family)!.encode(text, [], [])));
      });
    });
  }

  it('never throws on special-token text', () => {
    for (const family of FAMILIES) assert.doesNotThrow(() => countTokens('a <|endoftext|> b <|im_start|> c <|endofprompt|>', family));
  });
});
