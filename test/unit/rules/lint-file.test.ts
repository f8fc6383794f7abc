import * as assert from 'node:assert/strict';
import { priceFile } from '../../../src/core/analysis/price-file';
import type { PromptCostConfig } from '../../../src/core/config/model';
import { analyzeSource, type SourceLanguage } from '../../../src/core/extract';
import { lintFile, RULES, type SeverityOverrides } from '../../../src/core/rules';
import { catalogFor, configOf, grammars } from './rule-tester';

async function lint(code: string, language: SourceLanguage, config: Partial<PromptCostConfig> = {}, overrides?: SeverityOverrides) {
  const full = configOf(config);
  const catalog = catalogFor(full);
  const analysis = await analyzeSource(grammars, code, language, { force: true });
  const file = priceFile(analysis, { relativePath: 'src/app.py', config: full, catalog });
  return lintFile({ file, text: code, config: full, catalog }, overrides);
}

const PY = `from openai import OpenAI
client = OpenAI()
for ticket in tickets:
    r = client.chat.completions.create(model="gpt-4o-mni", messages=[{"role": "user", "content": f"Classify: {ticket}"}])
`;

describe('lintFile', () => {
  it('runs every rule and returns findings in source order', async () => {
    const findings = await lint(PY, 'python');
    const ids = findings.map((f) => f.ruleId);
    assert.ok(ids.includes('unbounded-output') && ids.includes('unknown-model'), ids.join());
    const starts = findings.map((f) => f.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    for (const finding of findings) assert.equal(finding.severity, RULES.get(finding.ruleId)!.meta.defaultSeverity);
  });

  it('takes severities from .promptcost.yaml, and off skips the rule', async () => {
    const findings = await lint(PY, 'python', { rules: { 'unbounded-output': { severity: 'error', options: {} }, 'unknown-model': { severity: 'off', options: {} } } });
    assert.equal(findings.find((f) => f.ruleId === 'unbounded-output')?.severity, 'error');
    assert.equal(findings.some((f) => f.ruleId === 'unknown-model'), false);
  });

  it('lets editor overrides win over the configuration', async () => {
    const findings = await lint(PY, 'python', { rules: { 'unbounded-output': { severity: 'error', options: {} } } }, { 'unbounded-output': 'info', 'unknown-model': 'off' });
    assert.equal(findings.find((f) => f.ruleId === 'unbounded-output')?.severity, 'info');
    assert.equal(findings.some((f) => f.ruleId === 'unknown-model'), false);
  });

  it('passes configured options to the rule', async () => {
    const findings = await lint(PY, 'python', { rules: { 'unknown-model': { options: { maxSuggestions: 1 } } } });
    assert.equal(findings.find((f) => f.ruleId === 'unknown-model')?.fixes.length, 1);
  });

  it('honours disable comments', async () => {
    const silenced = PY.replace('    r = ', '    # promptcost-disable-next-line unbounded-output, unknown-model\n    r = ');
    const ids = (await lint(silenced, 'python')).map((f) => f.ruleId);
    assert.equal(ids.includes('unbounded-output') || ids.includes('unknown-model'), false, ids.join());
    assert.ok(ids.includes('call-in-loop'), ids.join());
  });

  it('honours a disable range in TypeScript', async () => {
    const code = `import OpenAI from 'openai';
const client = new OpenAI();
/* promptcost-disable unbounded-output */
await client.chat.completions.create({ model: 'gpt-4o', messages: [] });
/* promptcost-enable unbounded-output */
await client.chat.completions.create({ model: 'gpt-4o', messages: [] });
`;
    const findings = (await lint(code, 'typescript')).filter((f) => f.ruleId === 'unbounded-output');
    assert.equal(findings.length, 1);
    assert.equal(code.slice(0, findings[0].span.start).split('\n').length, 6);
  });

  it('states savings in tokens, per 1,000 calls and per month', async () => {
    const findings = await lint(PY.replace('gpt-4o-mni', 'gpt-4o'), 'python', { volume: { default: 20000, byPath: [] } });
    const loop = findings.find((f) => f.ruleId === 'call-in-loop')!;
    assert.ok(loop.savings && loop.savings.per1kCallsUsd > 0);
    assert.ok(Math.abs(loop.savings.perMonthUsd - loop.savings.per1kCallsUsd * 20) < 1e-9);
  });
});
