import * as assert from 'node:assert/strict';
import { matchPrompts, similarity, type PromptVersion } from '../../../src/core/report';

function prompt(path: string, name: string | null, text: string, role = 'system'): PromptVersion {
  return { path, line: 1, name, role, text, tokens: 10, estimate: false, model: 'openai/gpt-4o', perCallUsd: 0.001, perMonthUsd: 1 };
}

describe('matchPrompts', () => {
  it('pairs by file, name and role first, whatever the text became', () => {
    const base = [prompt('a.py', 'SYSTEM', 'Be brief.'), prompt('a.py', 'USER', 'Be brief.', 'user')];
    const head = [prompt('a.py', 'USER', 'Something else entirely', 'user'), prompt('a.py', 'SYSTEM', 'Totally rewritten.')];
    assert.deepEqual(matchPrompts(base, head, new Map()), [[1, 0], [0, 1]]);
  });

  it('follows renamed files', () => {
    const base = [prompt('old/prompts.py', 'SYSTEM', 'Be brief.')];
    const head = [prompt('new/prompts.py', 'SYSTEM', 'Be brief, please.')];
    assert.deepEqual(matchPrompts(base, head, new Map([['new/prompts.py', 'old/prompts.py']])), [[0, 0]]);
    assert.deepEqual(matchPrompts(base, head, new Map()), [], 'without the rename, too different to pair');
  });

  it('pairs unnamed prompts by identical text, then by similarity, and leaves the rest unpaired', () => {
    const base = [
      prompt('a.py', null, 'Summarise the report in three bullet points for the board.'),
      prompt('a.py', null, 'Translate the text into French.'),
      prompt('a.py', null, 'Detect the language of the message and answer with its ISO code.'),
    ];
    const head = [
      prompt('a.py', null, 'Translate the text into French.'),
      prompt('a.py', null, 'Summarise the report in five bullet points for the board.'),
      prompt('a.py', null, 'Write a haiku about invoices.'),
    ];
    assert.deepEqual(
      matchPrompts(base, head, new Map()).sort((x, y) => x[0] - y[0]),
      [[0, 1], [1, 0]],
    );
  });
});

describe('similarity', () => {
  it('is 1 for equal texts and falls with the edit distance', () => {
    assert.equal(similarity('abc', 'abc'), 1);
    assert.equal(similarity('', ''), 1);
    assert.equal(similarity('abcd', 'abxd'), 0.75);
    assert.equal(similarity('abc', 'xyz'), 0);
  });
});
