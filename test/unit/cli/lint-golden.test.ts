import * as assert from 'node:assert/strict';
import { Catalog } from '../../../src/core/catalog';
import { assertGolden, normalise, REPO_ROOT } from '../../golden/golden';
import { cli } from './run-cli';

const catalogDate = new Catalog({}).catalogDate;

describe('promptcost lint on examples/ (golden)', () => {
  for (const [format, file] of [
    ['text', 'examples/lint.txt'],
    ['json', 'examples/lint.json'],
    ['sarif', 'examples/lint.sarif'],
  ] as const) {
    it(`--format ${format} matches test/golden/${file}`, async () => {
      const run = await cli(REPO_ROOT, 'lint', 'examples', '--format', format);
      assert.equal(run.code, 1, 'the examples are over their monthly budget');
      assertGolden(file, normalise(run.stdout, catalogDate));
    });
  }
});
