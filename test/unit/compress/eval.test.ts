import * as assert from 'node:assert/strict';
import { compress } from '../../../src/core/compress';
import { compareWithHand, evaluateLevel, readHandRewrites, readPrompts, type LevelFigures } from '../../eval/compress-eval';

/**
 * Floors over the 197 awesome-chatgpt-prompts (the same run as `npm run eval:compress`), set just
 * under the figures measured now so a regression fails. The goals (25% safe, 40% aggressive)
 * are not met, and an editor rewriting a sample by hand does not meet them either: docs/compression.md
 * gives the figures.
 */
const FLOORS = { safe: 0.12, aggressive: 0.21 };

describe('compression over awesome-chatgpt-prompts', () => {
  const rows = readPrompts();
  let safe: LevelFigures;
  let aggressive: LevelFigures;

  before(() => {
    safe = evaluateLevel(rows, 'safe');
    aggressive = evaluateLevel(rows, 'aggressive');
  });

  it('reads all 197 prompts', () => {
    assert.equal(rows.length, 197);
  });

  it('keeps every must-keep item of every prompt, at both levels', () => {
    for (const figures of [safe, aggressive]) {
      const lost = figures.outcomes.filter((o) => o.lost.length > 0).map((o) => `${figures.level} ${o.act}: ${o.lost.map((i) => i.text).join(' | ')}`);
      assert.deepEqual(lost, []);
    }
  });

  it(`removes at least ${FLOORS.safe * 100}% of the tokens of the median prompt at the safe level`, () => {
    assert.ok(safe.medianReduction >= FLOORS.safe, `safe median reduction ${(safe.medianReduction * 100).toFixed(1)}%`);
  });

  it(`removes at least ${FLOORS.aggressive * 100}% of the tokens of the median prompt at the aggressive level`, () => {
    assert.ok(aggressive.medianReduction >= FLOORS.aggressive, `aggressive median reduction ${(aggressive.medianReduction * 100).toFixed(1)}%`);
  });

  it('shortens the hand-rewritten sample at least as much as the editor did at the safe level', () => {
    const c = compareWithHand(readHandRewrites(), 'safe');
    assert.ok(c.toolMedian >= c.handMedian, `compressor ${(c.toolMedian * 100).toFixed(1)}%, by hand ${(c.handMedian * 100).toFixed(1)}%`);
  });

  it('is idempotent on every prompt', () => {
    for (const figures of [safe, aggressive]) {
      const unstable = figures.outcomes.filter((o) => compress(o.text, { level: figures.level }).text !== o.text).map((o) => o.act);
      assert.deepEqual(unstable, [], `${figures.level}: compressing twice differs from once`);
    }
  });
});
