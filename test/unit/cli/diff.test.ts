import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { priceFile } from '../../../src/core/analysis/price-file';
import { Catalog } from '../../../src/core/catalog';
import { parseConfig } from '../../../src/core/config';
import { analyzeSource } from '../../../src/core/extract';
import type { PromptDiff } from '../../../src/core/report';
import { defaultGrammars } from '../../../src/runtime/scan';
import { cli } from './run-cli';
import { makeWorkspace, writeFiles } from './workspace';

const YAML = 'defaultModel: openai/gpt-4o\nvolume:\n  default: 3000\n';

const v1 = {
  'prompts.py': `SUMMARY_PROMPT = "Summarise the support ticket in three short bullet points for the on-call engineer."
GREETING_PROMPT = "Greet the customer by name and thank them for contacting Acme support today."
`,
  'legacy.py': `FAREWELL_PROMPT = "Say goodbye politely and remind the customer that the ticket stays open for seven days."
`,
  'lib/agent.py': `TRIAGE_PROMPT = "Decide whether the ticket is a bug report, a billing question or a feature request."
`,
};

/** The second commit's work tree: one prompt edited, one added, one file removed, one file renamed. */
const v2 = {
  'prompts.py': `SUMMARY_PROMPT = "Summarise the support ticket in five detailed bullet points for the on-call engineer, with the customer's plan, the product area and the steps to reproduce."
GREETING_PROMPT = "Greet the customer by name and thank them for contacting Acme support today."
ESCALATE_PROMPT = "Write a short note that hands the ticket over to the second-line team."
`,
};

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).toString();
}

const catalog = new Catalog({});
const config = parseConfig(YAML).config!;

/** A prompt's input cost per call, priced as the diff prices it (independently of the diff code). */
async function costOfPrompt(text: string, name: string): Promise<number> {
  const analysis = await analyzeSource(defaultGrammars(), text, 'python');
  const costs = priceFile(analysis, { relativePath: 'x.py', config, catalog });
  const prompt = costs.prompts.find((p) => p.site.name === name)!;
  return prompt.cost!.perCallUsd;
}

const near = (a: number, b: number, message: string) => assert.ok(Math.abs(a - b) < 1e-12, `${message}: ${a} != ${b}`);

describe('promptcost diff', () => {
  let dir: string;
  before(() => {
    dir = makeWorkspace({ ...v1, '.promptcost.yaml': YAML }, 'promptcost-diff-');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'v1');
    writeFiles(dir, v2);
    fs.rmSync(path.join(dir, 'legacy.py'));
    fs.mkdirSync(path.join(dir, 'src'));
    git(dir, 'mv', 'lib/agent.py', 'src/agent.py');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'v2');
  });

  it('lists prompts added, changed and removed with the cost change per call and per month', async () => {
    const run = await cli(dir, 'diff', '--base', 'HEAD~1', '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const diff = JSON.parse(run.stdout) as PromptDiff;
    const byName = new Map(diff.changes.map((c) => [c.name, c]));
    assert.deepEqual(
      diff.changes.map((c) => [c.status, c.name]).sort(),
      [['added', 'ESCALATE_PROMPT'], ['changed', 'SUMMARY_PROMPT'], ['removed', 'FAREWELL_PROMPT']],
      'GREETING_PROMPT and the renamed TRIAGE_PROMPT are unchanged',
    );
    assert.deepEqual([diff.totals.added, diff.totals.changed, diff.totals.removed, diff.totals.unchanged], [1, 1, 1, 2]);

    const summaryBefore = await costOfPrompt(v1['prompts.py'], 'SUMMARY_PROMPT');
    const summaryAfter = await costOfPrompt(v2['prompts.py'], 'SUMMARY_PROMPT');
    const escalate = await costOfPrompt(v2['prompts.py'], 'ESCALATE_PROMPT');
    const farewell = await costOfPrompt(v1['legacy.py'], 'FAREWELL_PROMPT');
    const summary = byName.get('SUMMARY_PROMPT')!;
    assert.equal(summary.textChanged, true);
    near(summary.perCallUsd.delta, summaryAfter - summaryBefore, 'edited prompt per call');
    near(summary.perMonthUsd.delta, (summaryAfter - summaryBefore) * 3000, 'edited prompt per month');
    assert.ok(summary.tokens.head! > summary.tokens.base!);
    near(byName.get('ESCALATE_PROMPT')!.perMonthUsd.delta, escalate * 3000, 'added prompt per month');
    near(byName.get('FAREWELL_PROMPT')!.perMonthUsd.delta, -farewell * 3000, 'removed prompt per month');
    const total = (summaryAfter - summaryBefore + escalate - farewell) * 3000;
    near(diff.totals.deltaPerMonthUsd, total, 'total per month');
    near(diff.totals.deltaPerCallUsd, summaryAfter - summaryBefore + escalate - farewell, 'total per call');
    near(diff.totals.workspacePerMonthUsd.delta, total, 'no calls here, so the workspace changes by the prompts');
  });

  it('writes markdown for a pull-request comment', async () => {
    const run = await cli(dir, 'diff', '--base', 'HEAD~1');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^### PromptCost: \+\$[\d.]+ a month$/m);
    assert.match(run.stdout, /Against `HEAD~1`: 1 added, 1 changed, 1 removed, 2 unchanged prompts\./);
    assert.match(run.stdout, /^\| changed \| `SUMMARY_PROMPT` \(user\): text edited \| prompts\.py#L1 \| \d+ → \d+ \(\+\d+\) \| \+\$[\d.]+ \| \+\$[\d.]+ \|$/m);
    assert.match(run.stdout, /^\| removed \| `FAREWELL_PROMPT` .* \| legacy\.py#L1 \|/m);
    assert.match(run.stdout, /^\| \*\*total\*\* \| \| \| \| \*\*\+\$[\d.]+\*\* \| \*\*\+\$[\d.]+\*\* \|$/m);
  });

  it('says so when nothing changed, and exits 2 for a ref that names no commit', async () => {
    const same = await cli(dir, 'diff', '--base', 'HEAD');
    assert.match(same.stdout, /^### PromptCost: no prompt changed$/m);
    const bad = await cli(dir, 'diff', '--base', 'no-such-branch');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--base 'no-such-branch' names no commit/);
    assert.equal((await cli(dir, 'diff')).code, 2, '--base is required');
  });
});
