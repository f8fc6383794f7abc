import * as assert from 'node:assert/strict';
import { TASKS } from '../../../src/core/route';
import { loadLabelled, scoreSplit } from '../../eval/route-eval';

// Floors a little under the accuracy measured when the classifier was written (see docs/routing.md):
// a change that makes the classifier worse on the labelled prompts fails here.
const FLOORS = {
  dev: { task: 0.95, complexity: 0.7 },
  held: { task: 0.85, complexity: 0.6 },
};

describe('route eval (test/fixtures/route/labelled.jsonl)', () => {
  const items = loadLabelled();

  it('has at least 60 labelled prompts, several per task and each complexity, in two splits', () => {
    assert.ok(items.length >= 60, `${items.length} prompts`);
    for (const task of TASKS) assert.ok(items.filter((i) => i.task === task).length >= 5, task);
    for (const complexity of ['low', 'medium', 'high']) assert.ok(items.filter((i) => i.complexity === complexity).length >= 10, complexity);
    const held = items.filter((i) => i.split === 'held').length;
    assert.ok(held >= items.length * 0.25, `${held} held-out prompts`);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length, 'ids are unique');
  });

  for (const split of ['dev', 'held'] as const) {
    it(`${split} split: task and complexity accuracy stay above their floors`, () => {
      const score = scoreSplit(split, items.filter((i) => i.split === split));
      assert.ok(score.taskAccuracy >= FLOORS[split].task, `task accuracy ${score.taskAccuracy.toFixed(3)}`);
      assert.ok(score.complexityAccuracy >= FLOORS[split].complexity, `complexity accuracy ${score.complexityAccuracy.toFixed(3)}`);
      assert.equal(score.complexityFarOff, 0, 'no low prompt is called high, nor the reverse');
    });
  }
});
