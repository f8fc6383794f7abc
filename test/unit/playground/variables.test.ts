import * as assert from 'node:assert/strict';
import { fillVariables, placeholders } from '../../../src/extension/playground/variables';

describe('playground variables', () => {
  it('lists placeholders once, in order, with attribute and index forms', () => {
    assert.deepEqual(placeholders('Hi {name}, about {order.id} and {items[0]} for {name}; JSON {"a": 1} is not one'), ['name', 'order.id', 'items[0]']);
  });

  it('fills only the placeholders that have a value', () => {
    assert.equal(fillVariables('The support bot said:\n{last_answer}\n{other}', { last_answer: 'Hello' }), 'The support bot said:\nHello\n{other}');
  });

  it('does not read inherited properties as values', () => {
    assert.equal(fillVariables('{constructor} {toString}', {}), '{constructor} {toString}');
  });
});
