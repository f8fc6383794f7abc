import * as assert from 'node:assert/strict';
import { Catalog, costOf } from '../../../src/core/catalog';
import { parseConfig } from '../../../src/core/config';
import { compileRoutingTable } from '../../../src/core/route';
import { countChatTokens } from '../../../src/core/tokens';
import { noSavings, summarizeLedger, type LedgerRecord } from '../../../src/runtime/ledger';
import { Pipeline } from '../../../src/runtime/optimizer/pipeline';
import { defaultSettings } from '../../../src/runtime/optimizer/settings';
import type { ModelResolver } from '../../../src/runtime/providers/registry';
import type { ChatMessage } from '../../../src/runtime/providers/types';
import { ledgerView, MAX_ANSWER_CHARS, previewRows, runSummary } from '../../../src/extension/playground/view-model';

const config = parseConfig(`
defaultModel: openai/gpt-4o
expectedOutputTokens: 300
routing:
  - when: task == "classify"
    model: openai/gpt-4o-mini
`).config!;
const catalog = new Catalog({ at: new Date('2025-06-01') });
const { table } = compileRoutingTable(config.routing);
// plan() never opens a model: a resolver that refuses to is enough, and proves no call is made.
const models: ModelResolver = {
  parse: (id) => ({ id, provider: id.split('/')[0], apiModel: id.split('/')[1] }),
  open: () => Promise.reject(new Error('plan must not call a model')),
};
const pipeline = (steps: Partial<Record<'trim' | 'compress' | 'route' | 'length', boolean>> = {}) => {
  const settings = defaultSettings(config);
  return new Pipeline({
    catalog,
    models,
    routing: table,
    settings: {
      ...settings,
      trim: { ...settings.trim, enabled: steps.trim ?? true, keepTurns: 1, summarizer: 'extractive' },
      compress: { ...settings.compress, enabled: steps.compress ?? true },
      route: { ...settings.route, enabled: steps.route ?? true },
      length: { ...settings.length, enabled: steps.length ?? true },
    },
  });
};

const messages: ChatMessage[] = [
  { role: 'system', content: 'Classify the sentiment of this review as positive, negative or neutral. Please make sure that you answer with one word. Thank you so much!' },
  { role: 'user', content: 'Classify: the parcel came late and the box was torn.' },
];
const price = (model: string, input: number, output: number) => costOf(catalog.resolve(model)!, { inputTokens: input, outputTokens: output }).total;

describe('playground view-model: before-run rows', () => {
  it('prices the request as written, then after each step, at the model each step leads to', async () => {
    const prepared = await pipeline().plan({ model: 'openai/gpt-4o', messages });
    const rows = previewRows({ catalog, requestedModel: 'openai/gpt-4o', messages, prepared, expectedOutputTokens: 300 });
    assert.deepEqual(rows.map((r) => r.step), ['as written', 'context trimming', 'compression', 'routing', 'output length']);
    const written = countChatTokens(messages, 'o200k_base').tokens;
    assert.equal(rows[0].inputTokens, written);
    assert.equal(rows[0].costUsd, price('openai/gpt-4o', written, 300));
    // Compression removes the politeness: fewer tokens, and a saving equal to the difference.
    const compressed = rows[2];
    assert.ok(compressed.inputTokens < written, `${compressed.inputTokens} < ${written}`);
    assert.equal(compressed.costUsd, price('openai/gpt-4o', compressed.inputTokens, 300));
    assert.ok(Math.abs((compressed.savedUsd ?? 0) - (rows[1].costUsd! - compressed.costUsd!)) < 1e-12);
    // Routing sends the classification to the cheaper model.
    const routed = rows[3];
    assert.equal(routed.model, 'openai/gpt-4o-mini');
    assert.equal(routed.costUsd, price('openai/gpt-4o-mini', routed.inputTokens, 300));
    assert.ok((routed.savedUsd ?? 0) > 0);
    assert.equal(rows[4].model, 'openai/gpt-4o-mini');
  });

  it('shows no saving for steps that are off, and keeps the requested model without routing', async () => {
    const prepared = await pipeline({ compress: false, route: false }).plan({ model: 'openai/gpt-4o', messages });
    const rows = previewRows({ catalog, requestedModel: 'openai/gpt-4o', messages, prepared, expectedOutputTokens: 300 });
    assert.ok(rows.every((r) => r.model === 'openai/gpt-4o'));
    assert.ok(rows.slice(1).every((r) => r.savedUsd === 0 && r.inputTokens === rows[0].inputTokens));
  });

  it('prices a lower output bound set by the length step', async () => {
    const prepared = await pipeline({ compress: false, route: false, trim: false }).plan({ model: 'openai/gpt-4o', messages, maxOutputTokens: 50 });
    const rows = previewRows({ catalog, requestedModel: 'openai/gpt-4o', messages, prepared, expectedOutputTokens: 300, requestBound: 50 });
    assert.equal(rows[0].costUsd, price('openai/gpt-4o', rows[0].inputTokens, 50));
    assert.equal(rows.at(-1)?.costUsd, rows[0].costUsd);
  });

  it('has no price and no saving for a model the catalog does not know', async () => {
    const prepared = await pipeline({ route: false }).plan({ model: 'acme/unknown-9', messages });
    const rows = previewRows({ catalog, requestedModel: 'acme/unknown-9', messages, prepared, expectedOutputTokens: 300 });
    assert.ok(rows.every((r) => r.costUsd === null && r.savedUsd === null));
  });
});

describe('playground view-model: runs and the ledger', () => {
  const usage = { inputTokens: 10, outputTokens: 5, cachedInputTokens: 2, cacheWriteTokens: 0, reasoningTokens: 0, reported: true };
  it('summarises a run and cuts a huge answer', () => {
    const result = { text: 'x'.repeat(MAX_ANSWER_CHARS + 5), model: 'openai/gpt-4o-mini', provider: 'openai', requestedModel: 'openai/gpt-4o', usage, costUsd: 0.001, cached: false, finishReason: 'stop' as const, latencyMs: 12, routeWhy: ['routed'], steps: [], messages };
    const summary = runSummary(result);
    assert.equal(summary.text.length, MAX_ANSWER_CHARS);
    assert.equal(summary.truncated, true);
    assert.equal(summary.cachedInputTokens, 2);
    assert.equal(summary.model, 'openai/gpt-4o-mini');
  });

  it('adds spend per day over the last days, oldest first', () => {
    const now = new Date(2025, 5, 10, 15);
    const record = (time: Date, cost: number | null, model = 'openai/gpt-4o'): LedgerRecord => ({
      v: 1, time: time.toISOString(), provider: 'openai', model, tokens: { input: 1, output: 1, cachedInput: 0, cacheWrite: 0, reasoning: 0 },
      estimated: false, costUsd: cost, cached: false, batch: false, latencyMs: 1, outcome: 'ok', savings: { ...noSavings(), cache: 0.5 },
    });
    const records = [record(new Date(2025, 5, 10, 9), 0.25), record(new Date(2025, 5, 10, 11), 0.5, 'openai/gpt-4o-mini'), record(new Date(2025, 5, 8, 9), 1), record(new Date(2025, 3, 1), 7), record(new Date(2025, 5, 9), null)];
    const view = ledgerView(summarizeLedger(records, { now }), records, now, 3);
    assert.deepEqual(view.daily, [{ day: '2025-06-08', costUsd: 1 }, { day: '2025-06-09', costUsd: 0 }, { day: '2025-06-10', costUsd: 0.75 }]);
    assert.equal(view.today.costUsd, 0.75);
    assert.equal(view.month.calls, 4);
    assert.equal(view.records, 5);
    assert.equal(view.savings.cache, 2.5);
    assert.deepEqual(view.byModel.map((m) => m.name), ['openai/gpt-4o', 'openai/gpt-4o-mini']);
  });
});
