import assert from 'node:assert/strict';
import { ESTIMATED_FAMILIES, FAMILY_FACTORS, countTokens, type EstimatedFamily } from '../../../src/core/tokens';

const ENGLISH = 'Summarise the following support ticket in three short bullet points and suggest a reply.';
const CHINESE = '请用三个简短的要点总结以下支持工单，并建议一个回复。';

describe('estimated token counts', () => {
  for (const family of ESTIMATED_FAMILIES) {
    it(`marks ${family} counts as estimates and names the factor's source`, () => {
      const result = countTokens(ENGLISH, family);
      assert.equal(result.estimate, true);
      assert.equal(result.family, family);
      assert.equal(result.factorSource, FAMILY_FACTORS[family].source);
      assert.ok(result.factorSource && result.factorSource.length > 20);
      assert.equal(result.tokens, Math.ceil(countTokens(ENGLISH, 'o200k_base').tokens * FAMILY_FACTORS[family].latin - 1e-9));
    });
  }

  it('gives each Claude generation its own factor', () => {
    const counts = (['claude-legacy', 'claude-2025', 'claude-opus-4.7'] as const).map((family) => countTokens(ENGLISH.repeat(20), family).tokens);
    assert.ok(counts[0] < counts[1] && counts[1] < counts[2], `expected legacy < 2025 < opus-4.7, got ${counts.join(', ')}`);
  });

  it('uses the non-Latin factor for text in other scripts', () => {
    const latin = countTokens(ENGLISH, 'claude-legacy');
    const foreign = countTokens(CHINESE, 'claude-legacy');
    assert.equal(latin.factor, FAMILY_FACTORS['claude-legacy'].latin);
    assert.equal(foreign.factor, FAMILY_FACTORS['claude-legacy'].nonLatin);
  });

  it('blends the factors by the tokens each script contributes', () => {
    const mixed = `${ENGLISH} ${CHINESE}`;
    const { factor } = countTokens(mixed, 'claude-legacy');
    const { latin, nonLatin } = FAMILY_FACTORS['claude-legacy'];
    assert.ok(factor !== undefined && factor > latin && factor < nonLatin, `blended factor ${factor} outside (${latin}, ${nonLatin})`);
  });

  it('has different Latin and non-Latin factors for every measured family', () => {
    const measured: EstimatedFamily[] = ESTIMATED_FAMILIES.filter((family) => family !== 'other');
    for (const family of measured) assert.notEqual(FAMILY_FACTORS[family].latin, FAMILY_FACTORS[family].nonLatin, family);
  });

  it('does not add a token for floating-point noise', () => {
    const text = ' a'.repeat(100);
    assert.equal(countTokens(text, 'o200k_base').tokens, 100);
    // 100 x 1.03 is 103.00000000000001 in floating point.
    assert.equal(countTokens(text, 'mistral').tokens, 103);
    assert.equal(Object.is(countTokens('', 'mistral').tokens, 0), true);
  });
});
