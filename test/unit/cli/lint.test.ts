import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintJson } from '../../../src/cli/format/lint-json';
import { cli } from './run-cli';
import { CLEAN_PY, NO_ROUTING_YAML, UNBOUNDED_PY, VERBOSE_FIXED_PY, VERBOSE_PY } from './lint-fixtures';
import { makeWorkspace } from './workspace';

async function lintJson(dir: string, ...args: string[]) {
  const run = await cli(dir, 'lint', '--format', 'json', ...args);
  return { ...run, json: JSON.parse(run.stdout) as LintJson };
}

describe('promptcost lint', () => {
  it('exits 0 and says so when nothing is found', async () => {
    const dir = makeWorkspace({ 'app.py': CLEAN_PY, '.promptcost.yaml': NO_ROUTING_YAML });
    const run = await cli(dir, 'lint');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^No problems in 1 file with prompts or LLM calls\.$/m);
  });

  it('prints findings stylish-like: file, line:col, severity, message, rule id, summary', async () => {
    const dir = makeWorkspace({ 'app.py': UNBOUNDED_PY, '.promptcost.yaml': NO_ROUTING_YAML });
    const run = await cli(dir, 'lint');
    assert.equal(run.code, 0, 'warnings alone do not fail the default run');
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'app.py');
    assert.match(lines[1], /^ {2}4:12 {2}warning {2}This openai\.chat call sets no output bound.* {2}unbounded-output$/);
    assert.match(run.stdout, /^✖ 1 problem \(0 errors, 1 warning, 0 infos\)$/m);
    assert.match(run.stdout, /^Monthly cost at the configured volumes: \$[\d.]+\. Prices from the catalog of \d{4}-\d{2}-\d{2}\.$/m);
  });

  it('gives the same finding in JSON with 1-based positions, fixes and a fingerprint', async () => {
    const dir = makeWorkspace({ 'app.py': UNBOUNDED_PY, '.promptcost.yaml': NO_ROUTING_YAML });
    const { code, json } = await lintJson(dir);
    assert.equal(code, 0);
    assert.equal(json.version, 1);
    assert.equal(json.files.length, 1);
    const [finding] = json.files[0].findings;
    assert.equal(json.files[0].path, 'app.py');
    assert.deepEqual([finding.ruleId, finding.severity, finding.line, finding.column, finding.endLine], ['unbounded-output', 'warning', 4, 12, 4]);
    assert.equal(finding.fixes.length, 1);
    assert.equal(finding.fixes[0].safe, false);
    assert.match(finding.fingerprint, /^[0-9a-f]{32}:1$/);
    assert.deepEqual([json.summary.errors, json.summary.warnings, json.summary.infos, json.summary.filesLinted], [0, 1, 0, 1]);
  });

  it('exits 1 on errors, with severities from .promptcost.yaml', async () => {
    const dir = makeWorkspace({ 'app.py': UNBOUNDED_PY, '.promptcost.yaml': `${NO_ROUTING_YAML}  unbounded-output: error\n` });
    const { code, json } = await lintJson(dir);
    assert.equal(code, 1);
    assert.equal(json.summary.errors, 1);
    assert.deepEqual(json.summary.failures, ['1 error found.']);
  });

  it('exits 1 on warnings with --fail-on warning, and past --max-warnings', async () => {
    const dir = makeWorkspace({ 'a.py': UNBOUNDED_PY, 'b.py': UNBOUNDED_PY });
    assert.equal((await cli(dir, 'lint', '--fail-on', 'warning')).code, 1);
    assert.equal((await cli(dir, 'lint', '--max-warnings', '2')).code, 0);
    const over = await cli(dir, 'lint', '--max-warnings', '1');
    assert.equal(over.code, 1);
    assert.match(over.stdout, /2 warnings found; --max-warnings allows 1\./);
  });

  it('honours inline disable comments', async () => {
    const silenced = UNBOUNDED_PY.replace('    return client', '    # promptcost-disable-next-line unbounded-output -- streamed and cut by the UI\n    return client');
    const dir = makeWorkspace({ 'app.py': silenced, '.promptcost.yaml': NO_ROUTING_YAML });
    const { json } = await lintJson(dir);
    assert.equal(json.files.length, 0);
    assert.equal(json.summary.warnings, 0);
  });

  it('exits 1 with a clear line when the workspace is over the monthly budget', async () => {
    const dir = makeWorkspace({ 'app.py': CLEAN_PY, '.promptcost.yaml': 'volume:\n  default: 1000000\nbudgets:\n  monthlyUsd: 1\n' });
    const run = await cli(dir, 'lint');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^The workspace costs \$[\d.,]+ a month at the configured volumes, over the monthly budget of \$1\.00 \(budgets\.monthlyUsd\) by \$[\d.,]+\.$/m);
    const json = await cli(dir, 'lint', '--format', 'json');
    assert.equal(json.code, 1);
    assert.match(json.stderr, /^promptcost lint: The workspace costs .* over the monthly budget of \$1\.00/m, 'the reason reaches the CI log');
    assert.ok(JSON.parse(json.stdout).summary.monthlyUsd > 1);
  });

  it('reports calls over the per-call budget through the over-budget rule', async () => {
    const dir = makeWorkspace({ 'app.py': CLEAN_PY, '.promptcost.yaml': `${NO_ROUTING_YAML}budgets:\n  perCallUsd: 0.000001\n` });
    const { json } = await lintJson(dir);
    assert.deepEqual(json.files[0].findings.map((f) => [f.ruleId, f.messageId]), [['over-budget', 'perCallOverBudget']]);
  });

  it('applies safe fixes with --fix, writes the file and reports what is left', async () => {
    const dir = makeWorkspace({ 'verbose.py': VERBOSE_PY, 'unbounded.py': UNBOUNDED_PY, '.promptcost.yaml': NO_ROUTING_YAML });
    const run = await lintJson(dir, '--fix');
    assert.equal(fs.readFileSync(path.join(dir, 'verbose.py'), 'utf8'), VERBOSE_FIXED_PY);
    assert.equal(fs.readFileSync(path.join(dir, 'unbounded.py'), 'utf8'), UNBOUNDED_PY, 'unsafe fixes are never applied');
    assert.match(run.stderr, /fixed 1 problem in 1 file/);
    assert.deepEqual(
      run.json.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]),
      [['unbounded.py', ['unbounded-output']]],
    );
  });

  it('leaves files with invalid UTF-8 alone with --fix', async () => {
    const dir = makeWorkspace({ '.promptcost.yaml': NO_ROUTING_YAML });
    const bytes = Buffer.concat([Buffer.from(VERBOSE_PY.replace('from openai', '# caf\u00e9\nfrom openai')).subarray(0, 6), Buffer.from([0xff]), Buffer.from(VERBOSE_PY.replace('from openai', '# caf\u00e9\nfrom openai')).subarray(6)]);
    fs.writeFileSync(path.join(dir, 'latin.py'), bytes);
    const run = await lintJson(dir, '--fix');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'latin.py')), bytes);
    assert.deepEqual(run.json.files.map((f) => f.findings.map((x) => x.ruleId)), [['verbose-prompt']]);
  });

  it('exits 2 on usage and configuration errors', async () => {
    const dir = makeWorkspace({ 'app.py': CLEAN_PY });
    for (const args of [['--format', 'xml'], ['--fail-on', 'info'], ['--max-warnings', 'many'], ['missing-folder'], ['--config', 'nope.yaml']]) {
      const run = await cli(dir, 'lint', ...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    }
    const broken = makeWorkspace({ 'app.py': CLEAN_PY, '.promptcost.yaml': 'defaultModel: [oops\n' });
    const run = await cli(broken, 'lint');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.promptcost\.yaml:\d+:\d+: error:/);
    const badRoute = makeWorkspace({ 'app.py': CLEAN_PY, '.promptcost.yaml': 'routing:\n  - when: task ==\n    model: openai/gpt-4o-mini\n' });
    const routed = await cli(badRoute, 'lint');
    assert.equal(routed.code, 2);
    assert.match(routed.stderr, /\.promptcost\.yaml:2:\d+: error: Routing rule 1/);
  });
});
