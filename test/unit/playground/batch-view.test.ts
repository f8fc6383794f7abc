import * as assert from 'node:assert/strict';
import { Catalog } from '../../../src/core/catalog';
import { priceUsage } from '../../../src/runtime/optimizer/cost';
import type { TokenUsage } from '../../../src/runtime/providers/types';
import { addRow, batchInputs, batchRowView, emptyTotals, MAX_BATCH_TEXT, rowUserText } from '../../../src/extension/playground/batch-view';
import { LIMITS, parsePlaygroundEvent, parsePlaygroundRequest, type PlaygroundInput } from '../../../src/shared/webview-messages';

const input = (user: string, system = 'You are terse.'): PlaygroundInput => ({
  system,
  user,
  history: [],
  variables: {},
  models: ['openai/gpt-4o-mini'],
  steps: { trim: true, compress: true, route: true, length: true, cache: true },
});
const usage = (inputTokens: number, outputTokens: number): TokenUsage => ({ inputTokens, outputTokens, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reported: true });
const info = new Catalog({ at: new Date('2025-06-01') }).resolve('openai/gpt-4o-mini');

describe('playground batch mode: rows to requests', () => {
  it('sends each row as the user message when the prompt has no placeholder', () => {
    const out = batchInputs(input('ignored'), ['What is 2+2?', 'Name a colour.']);
    assert.ok(Array.isArray(out));
    assert.deepEqual(out.map(rowUserText), ['What is 2+2?', 'Name a colour.']);
    assert.equal(out[0].system, 'You are terse.');
  });

  it('fills the only placeholder with the row', () => {
    const out = batchInputs(input('Translate: {text}'), ['bonjour', 'hola']);
    assert.ok(Array.isArray(out));
    assert.deepEqual(out.map(rowUserText), ['Translate: bonjour', 'Translate: hola']);
  });

  it('reads a JSON row as placeholder values over the form values', () => {
    const form = { ...input('{greeting}, {name}!', 'Sign as {signature}.'), variables: { greeting: 'Hi', name: 'x', signature: 'Bot' } };
    const out = batchInputs(form, ['{"name": "Ada"}', '{"greeting": "Hello", "name": 7}']);
    assert.ok(Array.isArray(out));
    assert.deepEqual(out.map(rowUserText), ['Hi, Ada!', 'Hello, 7!']);
    assert.equal(out[0].variables.signature, 'Bot');
  });

  it('says which row is wrong and why', () => {
    assert.match(String(batchInputs(input('{a} and {b}'), ['{"a": "1", "b": "2"}', 'plain'])), /^Batch row 2: .*\{a\}, \{b\}.*JSON object/);
    assert.match(String(batchInputs(input('{a}'), ['{"c": "1"}'])), /^Batch row 1: the prompt has no placeholder \{c\}/);
    assert.match(String(batchInputs(input('{a}'), ['{not json'])), /^Batch row 1: not JSON/);
    assert.match(String(batchInputs(input('{a}'), ['{"a": {"deep": 1}}'])), /^Batch row 1: the value of a must be a string or a number/);
  });
});

describe('playground batch mode: results at the batch rate', () => {
  it('prices a row at the batch rate and shows the list rate beside it', () => {
    const u = usage(1000, 500);
    const batchCost = priceUsage(info, u, true);
    const row = batchRowView(3, 'Q', { id: '3', model: 'openai/gpt-4o-mini', text: 'A', usage: u, costUsd: batchCost, cached: false }, info);
    assert.equal(row.index, 3);
    assert.equal(row.costUsd, batchCost);
    assert.equal(row.listCostUsd, priceUsage(info, u, false));
    assert.ok(row.costUsd !== null && row.listCostUsd !== null && row.costUsd < row.listCostUsd, 'the batch rate is below the list rate');
  });

  it('cuts long answers and keeps errors', () => {
    const long = batchRowView(0, 'Q', { id: '0', model: 'm', text: 'x'.repeat(MAX_BATCH_TEXT + 5), usage: usage(1, 1), costUsd: null, cached: false }, undefined);
    assert.equal(long.text?.length, MAX_BATCH_TEXT);
    assert.equal(long.truncated, true);
    const failed = batchRowView(1, 'Q', { id: '1', model: 'm', costUsd: null, cached: false, error: 'boom' }, info);
    assert.deepEqual([failed.error, failed.text, failed.listCostUsd, failed.inputTokens], ['boom', undefined, null, 0]);
  });

  it('adds rows to the totals: batch cost, list cost and the saving of priced rows only', () => {
    const priced = batchRowView(0, 'Q', { id: '0', model: 'm', text: 'A', usage: usage(1000, 1000), costUsd: 0.5, cached: false }, info);
    const row = { ...priced, costUsd: 0.5, listCostUsd: 1 };
    const hit = { ...priced, index: 1, cached: true, costUsd: 0, listCostUsd: null };
    const failed = { ...priced, index: 2, error: 'boom', costUsd: null, listCostUsd: null };
    const totals = [row, hit, failed].reduce(addRow, emptyTotals());
    assert.deepEqual(totals, { rows: 3, failed: 1, cached: 1, costUsd: 0.5, listCostUsd: 1, savedUsd: 0.5 });
  });
});

describe('playground batch mode: messages', () => {
  const form = input('Translate: {text}');
  it('accepts a batch with rows and a model, and a cancel', () => {
    assert.deepEqual(parsePlaygroundRequest({ type: 'batch', input: form, rows: ['a', 'b'] }), { type: 'batch', input: form, rows: ['a', 'b'] });
    assert.deepEqual(parsePlaygroundRequest({ type: 'cancelBatch' }), { type: 'cancelBatch' });
  });

  const bad: Array<[string, unknown]> = [
    ['no rows', { type: 'batch', input: form, rows: [] }],
    ['rows that are not a list', { type: 'batch', input: form, rows: 'a\nb' }],
    ['a blank row', { type: 'batch', input: form, rows: ['a', '  '] }],
    ['a row that is not text', { type: 'batch', input: form, rows: ['a', 3] }],
    ['a row over the limit', { type: 'batch', input: form, rows: ['x'.repeat(LIMITS.batchRow + 1)] }],
    ['too many rows', { type: 'batch', input: form, rows: Array.from({ length: LIMITS.batchRows + 1 }, () => 'a') }],
    ['no model', { type: 'batch', input: { ...form, models: [] }, rows: ['a'] }],
    ['a bad input', { type: 'batch', input: { ...form, steps: {} }, rows: ['a'] }],
  ];
  for (const [name, message] of bad) it(`refuses a batch with ${name}`, () => assert.equal(parsePlaygroundRequest(message), undefined));

  it('checks batch events on the page', () => {
    const totals = emptyTotals();
    assert.ok(parsePlaygroundEvent({ type: 'batchStarted', batchRun: 1, model: 'm', total: 2 }));
    assert.ok(parsePlaygroundEvent({ type: 'batchRow', batchRun: 1, row: { index: 0 } }));
    assert.ok(parsePlaygroundEvent({ type: 'batchFailed', batchRun: 1, message: 'x', totals }));
    assert.ok(parsePlaygroundEvent({ type: 'batchCancelled', batchRun: 1, message: 'x', totals }));
    assert.equal(parsePlaygroundEvent({ type: 'batchRow', batchRun: 1, row: { index: '0' } }), undefined);
    assert.equal(parsePlaygroundEvent({ type: 'batchDone', batchRun: '1', totals }), undefined);
    assert.equal(parsePlaygroundEvent({ type: 'batchFailed', batchRun: 1, message: 'x' }), undefined);
  });
});
