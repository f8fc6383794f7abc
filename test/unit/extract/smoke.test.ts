import * as assert from 'node:assert/strict';
import { Grammars } from '../../../src/core/extract/parser';
import { fileGrammarSource } from '../../../src/runtime/grammar-files';

describe('grammars', () => {
  it('parses each language', async () => {
    const grammars = new Grammars(fileGrammarSource);
    for (const lang of ['python', 'typescript', 'tsx', 'javascript'] as const) {
      const tree = (await grammars.parser(lang)).parse('x = 1\n');
      assert.ok(tree);
      tree.delete();
    }
  });
});
