/**
 * The optimizer's own cost: pipeline overhead per call with the network stubbed (goal <= 5 ms),
 * the latency of an answer served from the cache (goal <= 1 ms), and the folder cache's
 * throughput and reload time with 100,000 entries. `npx tsx bench/pipeline.ts` runs it alone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Catalog } from '../src/core/catalog';
import { DEFAULT_CONFIG } from '../src/core/config';
import { compileRoutingTable } from '../src/core/route';
import { FileCache } from '../src/runtime/cache/file-cache';
import type { CachedAnswer } from '../src/runtime/cache/types';
import { LedgerWriter } from '../src/runtime/ledger/ledger-file';
import { Pipeline } from '../src/runtime/optimizer/pipeline';
import { defaultSettings } from '../src/runtime/optimizer/settings';
import type { PipelineRequest } from '../src/runtime/optimizer/types';
import { ProviderRegistry, type CallableModel, type ModelResolver } from '../src/runtime/providers/registry';
import type { ChatMessage } from '../src/runtime/providers/types';
import { EnvKeySource } from '../src/runtime/secrets';
import { percentiles, type BenchRow, runStandalone } from './bench-row';

const CALLS = 500;
const CACHE_ENTRIES = 100_000;

const SYSTEM = [
  'You are a helpful support assistant for an online shop. Please make sure that you always answer politely.',
  'It is very important that you only use the order data given below and that you never invent order numbers.',
  'In order to help the customer, first restate the problem, then give the next step, then offer further help.',
].join(' ').repeat(4);

/** A conversation of eight exchanges, so the trimming step has work to do. */
function conversation(question: string): ChatMessage[] {
  const history: ChatMessage[] = [];
  for (let i = 1; i <= 8; i++) {
    history.push({ role: 'user', content: `My order ${1000 + i} has not arrived. It was due on Monday and I paid for express shipping.` });
    history.push({ role: 'assistant', content: `I am sorry to hear that order ${1000 + i} is late. I have checked the carrier and it is out for delivery today.` });
  }
  return [{ role: 'system', content: SYSTEM }, ...history, { role: 'user', content: question }];
}

/** The network step stubbed: a model that answers at once with reported usage. */
function stubModels(catalog: Catalog): ModelResolver {
  const real = new ProviderRegistry({ catalog, providers: {}, keys: new EnvKeySource({}) });
  return {
    parse: (id) => real.parse(id),
    async open(id): Promise<CallableModel> {
      const ref = real.parse(id);
      return {
        ref,
        endpoint: { provider: ref.provider, label: ref.provider, wire: 'openai', local: false },
        call: async () => ({ text: 'Your order is out for delivery today.', finishReason: 'stop', usage: { inputTokens: 900, outputTokens: 12, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reported: true } }),
      };
    },
  };
}

async function timeRuns(pipeline: Pipeline, requests: (i: number) => PipelineRequest, n: number): Promise<number[]> {
  for (let i = 0; i < 20; i++) await pipeline.run(requests(-1 - i));
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await pipeline.run(requests(i));
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function benchPipeline(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptcost-bench-'));
  const rows: BenchRow[] = [];
  try {
    const catalog = new Catalog();
    const cache = FileCache.open(path.join(dir, 'cache'));
    const ledger = new LedgerWriter(path.join(dir, 'ledger.jsonl'));
    const settings = defaultSettings(DEFAULT_CONFIG);
    settings.trim.summarizer = 'extractive';
    const pipeline = new Pipeline({ catalog, models: stubModels(catalog), routing: compileRoutingTable([]).table, settings, cache, ledger });

    // Every step on, a new question each call: trim, compress, route, length, cache miss and store, ledger.
    const miss = percentiles(await timeRuns(pipeline, (i) => ({ model: 'openai/gpt-4o', messages: conversation(`Where is order ${i}? Please check it for me.`) }), CALLS));
    rows.push({ name: 'pipeline overhead per call, p50', value: miss.p50, unit: 'ms', note: `all steps on, 17 messages, network stubbed; goal <= 5 ms` });
    rows.push({ name: 'pipeline overhead per call, p95', value: miss.p95, unit: 'ms' });

    // The same request again: an answer from the cache through the whole pipeline.
    const same = { model: 'openai/gpt-4o', messages: conversation('Where is my order?') };
    const hit = percentiles(await timeRuns(pipeline, () => same, CALLS));
    rows.push({ name: 'cache hit through the pipeline, p50', value: hit.p50, unit: 'ms', note: 'goal <= 1 ms' });
    rows.push({ name: 'cache hit through the pipeline, p95', value: hit.p95, unit: 'ms' });
    ledger.close();
    await cache.close();

    rows.push(...(await benchCache(path.join(dir, 'big'))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

async function benchCache(dir: string): Promise<BenchRow[]> {
  const answer = (i: number): CachedAnswer => ({
    text: `Answer number ${i}: your order is out for delivery today.`,
    usage: { inputTokens: 900, outputTokens: 12, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reported: true },
    finishReason: 'stop',
    model: 'openai/gpt-4o-mini',
    costUsd: 0.000142,
    createdAt: Date.now(),
  });
  const keys = Array.from({ length: CACHE_ENTRIES }, (_, i) => `${i.toString(16).padStart(64, '0')}`);
  const cache = FileCache.open(dir, { maxEntries: CACHE_ENTRIES });
  let start = performance.now();
  for (let i = 0; i < CACHE_ENTRIES; i++) cache.setSync(keys[i], answer(i));
  const writeMs = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < CACHE_ENTRIES; i++) cache.getSync(keys[(i * 7919) % CACHE_ENTRIES]);
  const readMs = performance.now() - start;
  await cache.close();
  const bytes = fs.statSync(path.join(dir, 'responses.jsonl')).size;
  start = performance.now();
  const reopened = FileCache.open(dir, { maxEntries: CACHE_ENTRIES });
  const loadMs = performance.now() - start;
  const entries = (await reopened.stats()).entries;
  await reopened.close();
  return [
    { name: 'cache writes, 100,000 entries', value: CACHE_ENTRIES / (writeMs / 1000), unit: 'ops/s', note: `${(bytes / 1024 / 1024).toFixed(1)} MB log, one write(2) per entry` },
    { name: 'cache reads, 100,000 entries', value: CACHE_ENTRIES / (readMs / 1000), unit: 'ops/s' },
    { name: 'cache reopen with 100,000 entries', value: loadMs, unit: 'ms', note: `${entries} entries read back` },
  ];
}

if (require.main === module) runStandalone('Optimizer pipeline', benchPipeline);
