import * as assert from 'node:assert/strict';
import { EditBuffer, type Change } from '../../../src/core/compress/edit-buffer';

const change = (start: number, end: number, after: string, rule = 'r'): Change => ({ start, end, after, rule, reason: rule });

describe('EditBuffer', () => {
  it('applies a batch and keeps offsets into the base text', () => {
    const buffer = new EditBuffer('Please do it in order to win.');
    buffer.apply([change(0, 7, ''), change(13, 24, 'to')]);
    assert.equal(buffer.text, 'do it to win.');
    assert.deepEqual(
      buffer.edits.map((e) => [e.start, e.end, e.after]),
      [
        [0, 7, ''],
        [13, 24, 'to'],
      ],
    );
  });

  it('maps later changes through earlier ones', () => {
    const buffer = new EditBuffer('aaa bbb ccc ddd');
    buffer.apply([change(0, 4, '')]);
    assert.equal(buffer.text, 'bbb ccc ddd');
    buffer.apply([change(8, 11, 'D')]);
    assert.equal(buffer.text, 'bbb ccc D');
    assert.deepEqual(
      buffer.edits.map((e) => [e.start, e.end, e.after]),
      [
        [0, 4, ''],
        [12, 15, 'D'],
      ],
    );
  });

  it('merges a change that rewrites the output of an earlier edit, keeping both rules', () => {
    const buffer = new EditBuffer('I will go now');
    buffer.apply([change(0, 6, "I'll", 'a')]);
    buffer.apply([change(0, 4, 'I', 'b')]);
    assert.equal(buffer.text, 'I go now');
    assert.deepEqual(buffer.edits, [{ start: 0, end: 6, after: 'I', rules: ['a', 'b'], reasons: ['a', 'b'] }]);
  });

  it('absorbs a deletion that a later change spans', () => {
    const buffer = new EditBuffer('one two three');
    buffer.apply([change(4, 8, '')]);
    buffer.apply([change(0, 9, 'X')]);
    assert.equal(buffer.text, 'X');
    assert.deepEqual(
      buffer.edits.map((e) => [e.start, e.end, e.after]),
      [[0, 13, 'X']],
    );
  });

  it('joins an adjacent change only when asked', () => {
    const separate = new EditBuffer('I want you to act.');
    separate.apply([change(0, 14, '')]);
    separate.apply([change(0, 1, 'A')]);
    assert.equal(separate.edits.length, 2);

    const joined = new EditBuffer('I want you to act.');
    joined.apply([change(0, 14, '')]);
    joined.apply([change(0, 1, 'A')], true);
    assert.deepEqual(
      joined.edits.map((e) => [e.start, e.end, e.after]),
      [[0, 15, 'A']],
    );
    assert.equal(joined.text, 'Act.');
  });

  it('reports the base span a change would rewrite', () => {
    const buffer = new EditBuffer('abc def ghi');
    buffer.apply([change(0, 4, '')]);
    assert.deepEqual(buffer.baseSpan(0, 3), { start: 4, end: 7 });
  });
});
