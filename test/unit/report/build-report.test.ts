import * as assert from 'node:assert/strict';
import { countableText } from '../../../src/core/analysis/price-file';
import { costOf } from '../../../src/core/catalog';
import { buildReport, workspaceMonthlyUsd } from '../../../src/core/report';
import { remainingAfter } from '../../../src/core/report/combine-savings';
import { countTokens } from '../../../src/core/tokens/count';
import { catalog, configOf, sourcesOf } from './sources';

const BOT_PY = `from openai import OpenAI
client = OpenAI()
SYSTEM = "You are the support agent of Acme. Answer the customer's question in two sentences."
def answer(question):
    return client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}])
`;

const PROMPTS_PY = `CLASSIFY_PROMPT = "Classify the ticket as billing, bug or other. Reply with one word."
`;

const ROUTE_TS = `import OpenAI from 'openai';
const client = new OpenAI();
export const run = (text: string) =>
  client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: \`Summarise: \${text}\` }] });
`;

const YAML = `volume:
  default: 1000
  "support/**": 10000
routing:
  - when: task == "classify"
    model: openai/gpt-4o-mini
rules:
  cheaper-model: off
`;

const near = (a: number, b: number, message?: string) => assert.ok(Math.abs(a - b) < 1e-9, message ?? `${a} != ${b}`);

describe('buildReport', () => {
  const config = configOf(YAML);
  const files = { 'support/bot.py': BOT_PY, 'support/prompts.py': PROMPTS_PY, 'web/route.ts': ROUTE_TS };
  const context = { catalogDate: '2026-01-01', config, catalog };

  it('totals every call and the prompts no call in their file sends, once', async () => {
    const sources = await sourcesOf(files, config);
    const report = buildReport(sources, context);
    const [bot, prompts, route] = sources.map((s) => s.costs);
    const expected = bot.calls[0].cost!.perMonthUsd + prompts.prompts[0].cost!.perMonthUsd + route.calls[0].cost!.perMonthUsd;
    near(report.totals.perMonthUsd, expected);
    near(workspaceMonthlyUsd(sources), expected);
    assert.deepEqual([report.totals.calls, report.totals.prompts, report.totals.files], [2, 3, 3]);
    assert.equal(bot.calls[0].cost!.monthlyCalls, 10000, 'the volume glob applies');
  });

  it('ranks every prompt and call by monthly cost, with locations and who sends a prompt', async () => {
    const report = buildReport(await sourcesOf(files, config), context);
    const costs = report.ranking.map((item) => item.perMonthUsd);
    assert.deepEqual(costs, [...costs].sort((a, b) => b - a));
    const system = report.ranking.find((item) => item.label === 'SYSTEM')!;
    assert.deepEqual([system.kind, system.location.path, system.location.line, system.location.column, system.sentBy, system.counted], ['prompt', 'support/bot.py', 3, 10, 'line 5', false]);
    const classify = report.ranking.find((item) => item.label === 'CLASSIFY_PROMPT')!;
    assert.equal(classify.counted, true);
    assert.equal(classify.sentBy, null);
  });

  it('counts a prompt another file imports and sends once, inside that call', async () => {
    const withImport = {
      'support/prompts.py': PROMPTS_PY,
      'support/triage.py': `from openai import OpenAI
from .prompts import CLASSIFY_PROMPT
client = OpenAI()
def triage(ticket):
    return client.chat.completions.create(model="gpt-4o", max_tokens=5, messages=[{"role": "system", "content": CLASSIFY_PROMPT}, {"role": "user", "content": ticket}])
`,
    };
    const sources = await sourcesOf(withImport, config);
    const report = buildReport(sources, context);
    const [prompts, triage] = sources.map((s) => s.costs);
    assert.equal(triage.calls[0].linkedPrompts[0].site.name, 'CLASSIFY_PROMPT');
    near(report.totals.perMonthUsd, triage.calls[0].cost!.perMonthUsd, 'the module prompt is not counted again');
    near(workspaceMonthlyUsd(sources), triage.calls[0].cost!.perMonthUsd);
    const item = report.ranking.find((i) => i.label === 'CLASSIFY_PROMPT')!;
    assert.deepEqual([item.counted, item.sentBy], [false, 'support/triage.py']);
    assert.ok(prompts.prompts[0].cost);
  });

  it('totals by model, file and folder add up to the whole', async () => {
    const report = buildReport(await sourcesOf(files, config), context);
    for (const totals of [report.byModel, report.byFile]) near(totals.reduce((sum, t) => sum + t.perMonthUsd, 0), report.totals.perMonthUsd);
    assert.deepEqual(report.byModel.map((t) => t.key).sort(), ['openai/gpt-4o', 'openai/gpt-4o-mini']);
    const folder = (key: string) => report.byFolder.find((t) => t.key === key)!;
    near(folder('support').perMonthUsd, report.byFile.filter((t) => t.key.startsWith('support/')).reduce((sum, t) => sum + t.perMonthUsd, 0));
    assert.deepEqual([folder('support').calls, folder('support').prompts], [1, 1]);
    near(report.byModel.reduce((sum, t) => sum + t.percent, 0), 100);
  });

  it('prices "with routing" at the model the routing table picks, even for prompts sent from elsewhere', async () => {
    const sources = await sourcesOf(files, config);
    const report = buildReport(sources, context);
    const prompt = sources[1].costs.prompts[0];
    const mini = catalog.resolve('openai/gpt-4o-mini')!;
    const routed = costOf(mini, { inputTokens: countTokens(countableText(prompt.site), mini.tokenizer).tokens, outputTokens: 0 }).total * 10000;
    const [baseline, withRouting, withAll] = report.scenarios;
    assert.deepEqual(report.scenarios.map((s) => s.label), ['Baseline', 'With routing', 'With all strategies']);
    near(baseline.perMonthUsd - withRouting.perMonthUsd, prompt.cost!.perMonthUsd - routed, 'only the classification prompt is routed');
    near(withRouting.savedPercent, (100 * withRouting.savedUsd) / baseline.perMonthUsd);
    assert.ok(withAll.perMonthUsd <= withRouting.perMonthUsd);
    near(report.savingsByStrategy.find((s) => s.strategy === 'routing')!.perMonthUsd, withRouting.savedUsd);
  });

  it('counts each rule’s savings alone and combines them per call without double counting', async () => {
    const verbose = BOT_PY.replace(
      "You are the support agent of Acme. Answer the customer's question in two sentences.",
      'I want you to act as a support agent for Acme. Please make sure that you always answer the question of the customer in order to help them. Please remember to be polite.',
    );
    const sources = await sourcesOf({ 'support/bot.py': verbose }, config);
    const report = buildReport(sources, context);
    const finding = sources[0].findings.find((f) => f.ruleId === 'verbose-prompt')!;
    assert.ok(finding.savings && finding.savings.perMonthUsd > 0);
    const rule = report.savingsByRule.find((r) => r.ruleId === 'verbose-prompt')!;
    assert.deepEqual([rule.strategy, rule.findings], ['compression', 1]);
    near(rule.perMonthUsd, finding.savings.perMonthUsd);
    const call = sources[0].costs.calls[0].cost!.perMonthUsd;
    near(report.scenarios[2].perMonthUsd, remainingAfter(call, [finding.savings.perMonthUsd]));
  });
});

describe('remainingAfter', () => {
  it('lets each saving remove its share of what is left', () => {
    near(remainingAfter(100, [50, 50]), 25);
    near(remainingAfter(100, [20]), 80);
    near(remainingAfter(100, []), 100);
  });

  it('never goes below zero nor above the base', () => {
    near(remainingAfter(100, [150]), 0);
    near(remainingAfter(100, [-10]), 100);
    near(remainingAfter(0, [5]), 0);
  });
});
