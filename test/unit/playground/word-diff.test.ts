import * as assert from 'node:assert/strict';
import { wordDiff } from '../../../src/extension/playground/word-diff';
import type { DiffSegment } from '../../../src/shared/webview-messages';

const side = (segments: DiffSegment[], keep: 'removed' | 'added') => segments.filter((s) => s.kind === 'same' || s.kind === keep).map((s) => s.text).join('');
const marked = (segments: DiffSegment[]) => segments.map((s) => (s.kind === 'same' ? s.text : s.kind === 'added' ? `[+${s.text}]` : `[-${s.text}]`)).join('');

describe('word diff', () => {
  const cases: Array<[string, string, string]> = [
    ['Please kindly summarise the text.', 'Summarise the text.', '[-Please kindly summarise][+Summarise] the text.'],
    ['You are a helpful assistant.', 'You are a helpful assistant.', 'You are a helpful assistant.'],
    ['a b c', 'a c', 'a [-b ]c'],
    ['', 'new text', '[+new text]'],
    ['old text', '', '[-old text]'],
    ['one  two', 'one two', 'one[-  ][+ ]two'],
  ];
  for (const [before, after, expected] of cases) {
    it(`${JSON.stringify(before)} -> ${JSON.stringify(after)}`, () => {
      const segments = wordDiff(before, after);
      assert.equal(marked(segments), expected);
      assert.equal(side(segments, 'removed'), before);
      assert.equal(side(segments, 'added'), after);
    });
  }

  it('merges neighbours of the same kind', () => {
    const segments = wordDiff('x y z', 'p q r');
    assert.deepEqual(segments.map((s) => s.kind), ['removed', 'added']);
  });

  it('falls back to one replacement for very long texts, and still rebuilds both sides', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `v${i}`).join(' ');
    const segments = wordDiff(`start ${before} end`, `start ${after} end`);
    assert.equal(side(segments, 'removed'), `start ${before} end`);
    assert.equal(side(segments, 'added'), `start ${after} end`);
    assert.equal(segments.length, 4);
  });
});
