import * as assert from 'node:assert/strict';
import { Catalog } from '../../../src/core/catalog';
import { assertGolden, normalise, REPO_ROOT } from '../../golden/golden';
import { cli } from './run-cli';

const catalogDate = new Catalog({}).catalogDate;

describe('promptcost report on examples/ (golden)', () => {
  for (const [format, file] of [
    ['md', 'examples/report.md'],
    ['html', 'examples/report.html'],
    ['json', 'examples/report.json'],
  ] as const) {
    it(`--format ${format} matches test/golden/${file}`, async () => {
      const run = await cli(REPO_ROOT, 'report', 'examples', '--format', format);
      assert.equal(run.code, 0, run.stderr);
      assertGolden(file, normalise(run.stdout, catalogDate));
    });
  }
});
