import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CostReport } from '../../../src/core/report';
import { cli } from './run-cli';
import { CLEAN_PY, UNBOUNDED_PY } from './lint-fixtures';
import { makeWorkspace } from './workspace';

describe('promptcost report', () => {
  const files = { 'bot/a.py': UNBOUNDED_PY, 'bot/b.py': CLEAN_PY, '.promptcost.yaml': 'volume:\n  default: 500\n  "bot/a.py": 4000\n' };

  it('prints the JSON contract with the ranking, totals and scenarios', async () => {
    const dir = makeWorkspace(files);
    const run = await cli(dir, 'report', '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as CostReport;
    assert.equal(report.version, 1);
    assert.deepEqual(report.ranking.filter((i) => i.kind === 'call').map((i) => [i.location.path, i.monthlyCalls]), [['bot/a.py', 4000], ['bot/b.py', 500]]);
    assert.deepEqual(report.byFolder.map((t) => t.key), ['bot']);
    assert.deepEqual(report.scenarios.map((s) => s.label), ['Baseline', 'With routing', 'With all strategies']);
  });

  it('writes markdown by default and HTML to --out', async () => {
    const dir = makeWorkspace(files);
    const md = await cli(dir, 'report');
    assert.match(md.stdout, /^# PromptCost report$/m);
    assert.match(md.stdout, /\[bot\/a\.py#L4\]\(bot\/a\.py#L4\)/);
    const html = await cli(dir, 'report', '--format', 'html', '--out', 'out/report.html');
    assert.equal(html.code, 0);
    assert.equal(html.stdout, '');
    assert.match(html.stderr, /wrote out\/report\.html/);
    assert.match(fs.readFileSync(path.join(dir, 'out/report.html'), 'utf8'), /^<!DOCTYPE html>/);
  });

  it('exits 2 on a bad format or configuration', async () => {
    const dir = makeWorkspace(files);
    assert.equal((await cli(dir, 'report', '--format', 'pdf')).code, 2);
    const broken = makeWorkspace({ 'a.py': CLEAN_PY, '.promptcost.yaml': 'volume: [\n' });
    assert.equal((await cli(broken, 'report')).code, 2);
  });
});
