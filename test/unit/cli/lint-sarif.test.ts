import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { SarifLog } from '../../../src/cli/format/lint-sarif';
import { RULES } from '../../../src/core/rules';
import { cli } from './run-cli';
import { UNBOUNDED_PY, VERBOSE_PY } from './lint-fixtures';
import { makeWorkspace } from './workspace';

/** The official SARIF 2.1.0 schema (OASIS, final rtm.5), as @microsoft/jest-sarif ships it; draft-04. */
const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  // The schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(require(SCHEMA_FILE));
}

const validate = sarifValidator();

function assertValidSarif(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors, null, 2)}`);
}

async function sarifOf(cwd: string, ...args: string[]): Promise<SarifLog> {
  const run = await cli(cwd, 'lint', '--format', 'sarif', ...args);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return JSON.parse(run.stdout) as SarifLog;
}

describe('promptcost lint --format sarif', () => {
  it('validates against the official SARIF 2.1.0 schema on the examples', async () => {
    const root = path.resolve(__dirname, '../../..');
    const log = await sarifOf(root, 'examples');
    assertValidSarif(log);
    assert.ok(log.runs[0].results.length > 0, 'the examples have findings');
  });

  it('validates with fixes, and the validator does reject a broken log', async () => {
    const dir = makeWorkspace({ 'src/verbose bot.py': VERBOSE_PY, 'src/unbounded.py': UNBOUNDED_PY });
    const log = await sarifOf(dir);
    assertValidSarif(log);
    const withFix = log.runs[0].results.find((r) => r.ruleId === 'verbose-prompt');
    assert.ok(withFix?.fixes?.[0].artifactChanges[0].replacements[0].insertedContent.text.startsWith('f"Could you help me'));
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false, 'lines are 1-based in SARIF');
  });

  it('describes every rule in the driver, with docs links and default levels', async () => {
    const dir = makeWorkspace({ 'app.py': UNBOUNDED_PY });
    const { driver } = (await sarifOf(dir)).runs[0].tool;
    assert.equal(driver.name, 'PromptCost');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.equal(driver.informationUri, 'https://github.com/promptcost/promptcost');
    assert.deepEqual(driver.rules.map((r) => r.id), [...RULES.keys()]);
    const unbounded = driver.rules.find((r) => r.id === 'unbounded-output')!;
    assert.equal(unbounded.helpUri, 'https://github.com/promptcost/promptcost/blob/main/docs/rules/unbounded-output.md');
    assert.equal(unbounded.defaultConfiguration.level, 'warning');
    assert.equal(unbounded.shortDescription.text, RULES.get('unbounded-output')!.meta.description);
    assert.equal(driver.rules.find((r) => r.id === 'call-in-loop')!.defaultConfiguration.level, 'note');
  });

  it('locates results relative to %SRCROOT% with 1-based, end-exclusive regions and fingerprints', async () => {
    const dir = makeWorkspace({ 'src/verbose bot.py': VERBOSE_PY, 'src/unbounded.py': UNBOUNDED_PY, '.promptcost.yaml': 'rules:\n  cheaper-model: off\n' });
    const { results } = (await sarifOf(dir)).runs[0];
    const unbounded = results.find((r) => r.ruleId === 'unbounded-output')!;
    const { artifactLocation, region } = unbounded.locations[0].physicalLocation;
    assert.deepEqual(artifactLocation, { uri: 'src/unbounded.py', uriBaseId: '%SRCROOT%' });
    const callee = 'client.chat.completions.create';
    assert.deepEqual(region, { startLine: 4, startColumn: 12, endLine: 4, endColumn: 12 + callee.length });
    assert.equal(unbounded.level, 'warning');
    assert.equal(results.find((r) => r.ruleId === 'verbose-prompt')!.locations[0].physicalLocation.artifactLocation.uri, 'src/verbose%20bot.py');
    for (const r of results) assert.match(r.partialFingerprints['promptcostFinding/v1'], /^[0-9a-f]{32}:\d+$/);
  });
});
