import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CORPUS_DIR, HOLDOUT_CORPUS_DIR } from '../../eval/labels';
import { runExtractEval, type EvalReport } from '../../eval/run';

/**
 * Holds the extractors to the precision and recall they have reached on the labelled corpora
 * (floors.json in each). Raise a floor when the eval shows a lasting gain;
 * `npm run eval:extract` lists what is missed and what is wrongly found.
 */

interface Floors {
  prompts: { precision: number; recall: number };
  calls: { precision: number; recall: number };
}

const CORPORA = [
  { name: 'extraction corpus', dir: DEFAULT_CORPUS_DIR },
  { name: 'extraction holdout corpus', dir: HOLDOUT_CORPUS_DIR },
];

for (const corpus of CORPORA) {
  const floors = JSON.parse(fs.readFileSync(path.join(corpus.dir, 'floors.json'), 'utf8')) as Floors;

  describe(corpus.name, () => {
    let report: EvalReport;

    before(async () => {
      report = await runExtractEval(corpus.dir);
    });

    it('has labels that point at the source they describe', () => {
      assert.deepEqual(report.labelWarnings, []);
    });

    for (const kind of ['prompts', 'calls'] as const) {
      for (const measure of ['precision', 'recall'] as const) {
        it(`keeps ${kind} ${measure} at or above ${floors[kind][measure]}`, () => {
          const m = report[kind];
          assert.ok(
            m[measure] >= floors[kind][measure],
            `${kind} ${measure} ${m[measure].toFixed(3)} fell below the floor ${floors[kind][measure]} ` +
              `(${m.matched} matched of ${m.expected} expected, ${m.found} found); ` +
              `run npm run eval:extract -- --corpus ${path.relative(process.cwd(), corpus.dir)} for the lists`,
          );
        });
      }
    }
  });
}
