import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { costOf } from '../../../src/core/catalog';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { compileRoutingTable } from '../../../src/core/route';
import { FileCache } from '../../../src/runtime/cache/file-cache';
import { LedgerWriter, readLedger } from '../../../src/runtime/ledger/ledger-file';
import { Pipeline } from '../../../src/runtime/optimizer/pipeline';
import { defaultSettings } from '../../../src/runtime/optimizer/settings';
import type { PipelineSettings } from '../../../src/runtime/optimizer/types';
import { ProviderError } from '../../../src/runtime/providers/errors';
import type { ProvidersConfig } from '../../../src/runtime/providers/endpoints';
import type { ChatMessage } from '../../../src/runtime/providers/types';
import { startAnthropicFake, type AnthropicFake } from '../../fakes/anthropic-fake';
import { startOpenAiFake, type OpenAiFake } from '../../fakes/openai-fake';
import { catalog, closedPort, KEYS, registryFor, tempDir } from './helpers';

const CLASSIFY = 'Classify this review as positive or negative: great product';
const WORDY_SYSTEM = 'You are a helpful assistant. Please make sure that you always answer the question very briefly and in order to help the user, be polite.';

/** classify + low goes to Anthropic; the next classify rule to OpenAI. */
const ROUTING = [
  { when: 'task == "classify" and complexity == "low"', model: 'anthropic/claude-haiku-4-5', whenSpan: null },
  { when: 'task == "classify"', model: 'openai/gpt-4o-mini', whenSpan: null },
];

const NO_RETRY = { retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 }, idleTimeoutMs: 2000 };

function settings(change: (s: PipelineSettings) => void = () => {}): PipelineSettings {
  const s = defaultSettings({ ...DEFAULT_CONFIG, expectedOutputTokens: 300 });
  s.trim.summarizer = 'extractive';
  s.trim.summaryModels = [];
  change(s);
  return s;
}

describe('optimizer pipeline', () => {
  let openai: OpenAiFake;
  let anthropic: AnthropicFake;
  let dir: string;
  let cache: FileCache;
  let ledger: LedgerWriter;
  let providers: ProvidersConfig;

  before(async () => {
    openai = await startOpenAiFake({ key: KEYS.openai, cachedTokens: 2 });
    anthropic = await startAnthropicFake({ key: KEYS.anthropic });
    providers = { openai: { baseUrl: openai.baseUrl }, anthropic: { baseUrl: anthropic.baseUrl }, ollama: { baseUrl: openai.baseUrl } };
  });
  after(async () => Promise.all([openai.close(), anthropic.close()]));
  beforeEach(() => {
    dir = tempDir('pipeline');
    cache = FileCache.open(path.join(dir, 'cache'));
    ledger = new LedgerWriter(path.join(dir, 'ledger.jsonl'));
    for (const fake of [openai.http, anthropic.http]) {
      fake.requests.length = 0;
      fake.faults.length = 0;
    }
  });
  afterEach(async () => {
    ledger.close();
    await cache.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function pipeline(s: PipelineSettings, overrides: { providers?: ProvidersConfig; routing?: typeof ROUTING } = {}): Pipeline {
    const registry = registryFor(overrides.providers ?? providers, { ...KEYS, ollama: KEYS.openai });
    return new Pipeline({ catalog, models: registry, routing: compileRoutingTable(overrides.routing ?? ROUTING).table, settings: s, cache, ledger, callOptions: NO_RETRY });
  }
  const records = () => readLedger(path.join(dir, 'ledger.jsonl')).records;
  const ask = (model = 'openai/gpt-4o', messages: ChatMessage[] = [{ role: 'user', content: CLASSIFY }]) => ({ model, messages });

  it('records the usage the provider reported and prices it with the catalog', async () => {
    const result = await pipeline(settings((s) => (s.route.enabled = false))).run(ask('openai/gpt-4o-mini'));
    assert.deepEqual(result.usage, { inputTokens: 9, outputTokens: 10, cachedInputTokens: 2, cacheWriteTokens: 0, reasoningTokens: 0, reported: true });
    const info = catalog.resolve('openai/gpt-4o-mini');
    assert.ok(info);
    assert.equal(result.costUsd, costOf(info, { inputTokens: 9, outputTokens: 10, cachedInputTokens: 2 }).total);
    const [r] = records();
    assert.deepEqual(r.tokens, { input: 9, output: 10, cachedInput: 2, cacheWrite: 0, reasoning: 0 });
    assert.equal(r.costUsd, result.costUsd);
    assert.equal(r.estimated, false);
    assert.equal(r.outcome, 'ok');
  });

  it('counts tokens, marked as estimated, when a server reports no usage', async () => {
    const silent = await startOpenAiFake({ key: KEYS.openai, omitUsage: true });
    try {
      const result = await pipeline(settings((s) => (s.route.enabled = false)), { providers: { ollama: { baseUrl: silent.baseUrl } } }).run(ask('ollama/llama3'), { onText: () => {} });
      assert.equal(result.usage.reported, false);
      assert.ok(result.usage.inputTokens > 0 && result.usage.outputTokens > 0);
      assert.equal(records()[0].estimated, true);
    } finally {
      await silent.close();
    }
  });

  it('routes by the routing table and says why; the saving is priced at the requested model', async () => {
    const result = await pipeline(settings()).run(ask('openai/gpt-4o'));
    assert.equal(result.model, 'anthropic/claude-haiku-4-5');
    assert.equal(result.requestedModel, 'openai/gpt-4o');
    assert.match(result.routeWhy[0], /routed to anthropic\/claude-haiku-4-5 \(task classify, complexity low; rule 1 matched/);
    assert.equal(anthropic.http.requests.length, 1);
    const route = result.steps.find((s) => s.step === 'route');
    assert.ok(route && route.applied && route.savedUsd > 0, 'haiku is cheaper than gpt-4o');
    assert.equal(records()[0].requestedModel, 'openai/gpt-4o');
    assert.equal(records()[0].savings.routing, route.savedUsd);
  });

  it("falls back to the next rule's model when the routed provider fails, and says so", async () => {
    anthropic.http.faults.push({ kind: 'status', status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
    const result = await pipeline(settings()).run(ask());
    assert.equal(result.model, 'openai/gpt-4o-mini');
    assert.equal(result.fallback?.from, 'anthropic/claude-haiku-4-5');
    assert.match(result.fallback?.reason ?? '', /Anthropic failed \(HTTP 529\)/);
    const [failed, answered] = records();
    assert.deepEqual([failed.outcome, failed.error, failed.model], ['error', 'server', 'anthropic/claude-haiku-4-5']);
    assert.deepEqual([answered.outcome, answered.model, answered.fallback?.from], ['ok', 'openai/gpt-4o-mini', 'anthropic/claude-haiku-4-5']);
  });

  it('falls back to the configured local model when the routed provider is unreachable', async () => {
    const port = await closedPort();
    const s = settings((x) => {
      x.route.allowLocal = true;
      x.route.localModel = 'ollama/qwen2.5:7b';
    });
    const result = await pipeline(s, { providers: { ...providers, anthropic: { baseUrl: `http://127.0.0.1:${port}` } }, routing: [ROUTING[0]] }).run(ask());
    assert.equal(result.model, 'ollama/qwen2.5:7b');
    assert.match(result.fallback?.reason ?? '', /Cannot reach Anthropic/);
    assert.equal(result.costUsd, 0);
    assert.equal(JSON.parse(openai.http.requests[0].body).model, 'qwen2.5:7b');
  });

  it('gives the first failure and the fallbacks\' when every model fails', async () => {
    anthropic.http.faults.push({ kind: 'status', status: 500, body: { type: 'error', error: { type: 'api_error', message: 'boom' } } });
    openai.http.faults.push({ kind: 'status', status: 503, body: { error: { message: 'down' } } });
    await assert.rejects(pipeline(settings()).run(ask()), (error: ProviderError) => {
      assert.equal(error.kind, 'server');
      assert.match(error.message, /Anthropic failed \(HTTP 500\).*fallback openai\/gpt-4o-mini also failed: OpenAI failed \(HTTP 503\)/);
      return true;
    });
  });

  it('does not fall back once the answer has started streaming', async () => {
    anthropic.http.faults.push({ kind: 'break', afterEvents: 4 });
    const shown: string[] = [];
    await assert.rejects(pipeline(settings()).run(ask(), { onText: (t) => shown.push(t) }), (error: ProviderError) => error.kind === 'broken-stream');
    assert.ok(shown.length > 0);
    assert.equal(openai.http.requests.length, 0);
  });

  it('compresses the system prompt and reports the tokens and dollars saved', async () => {
    const result = await pipeline(settings((s) => (s.route.enabled = false))).run(ask('openai/gpt-4o-mini', [{ role: 'system', content: WORDY_SYSTEM }, { role: 'user', content: CLASSIFY }]));
    const step = result.steps.find((s) => s.step === 'compress');
    assert.ok(step?.applied);
    assert.ok((step.tokensAfter ?? 0) < (step.tokensBefore ?? 0));
    assert.ok(step.savedUsd > 0);
    const sent = JSON.parse(openai.http.requests[0].body).messages[0].content as string;
    assert.ok(sent.length < WORDY_SYSTEM.length);
    assert.equal(records()[0].savings.compression, step.savedUsd);
  });

  it('bounds the output and adds the length instruction', async () => {
    const result = await pipeline(settings((s) => {
      s.route.enabled = false;
      s.length.instruction = true;
    })).run(ask('openai/gpt-4o-mini'));
    assert.equal(result.maxOutputTokens, 300);
    const body = JSON.parse(openai.http.requests[0].body);
    assert.equal(body.max_completion_tokens, 300);
    assert.equal(body.messages[0].content, 'Answer in at most 225 words.');
    assert.match(result.steps.find((s) => s.step === 'length')?.detail ?? '', /bound set to 300 tokens; length instruction added/);
  });

  it("keeps the call's own bound", async () => {
    await pipeline(settings((s) => (s.route.enabled = false))).run({ ...ask('openai/gpt-4o-mini'), maxOutputTokens: 40 });
    assert.equal(JSON.parse(openai.http.requests[0].body).max_completion_tokens, 40);
  });

  it('trims old turns to an extractive summary and the last N exchanges', async () => {
    const history: ChatMessage[] = [];
    for (let i = 1; i <= 5; i++) history.push({ role: 'user', content: `Question ${i}. More words.` }, { role: 'assistant', content: `Answer ${i}. Details.` });
    const messages: ChatMessage[] = [{ role: 'system', content: 'Be brief.' }, ...history, { role: 'user', content: CLASSIFY }];
    const result = await pipeline(settings((s) => {
      s.route.enabled = false;
      s.trim.keepTurns = 2;
    })).run(ask('openai/gpt-4o-mini', messages));
    const sent = JSON.parse(openai.http.requests[0].body).messages as ChatMessage[];
    assert.deepEqual(sent.map((m) => m.content), [
      'Be brief.',
      'Summary of the earlier conversation:\nuser: Question 1.\nassistant: Answer 1.\nuser: Question 2.\nassistant: Answer 2.\nuser: Question 3.\nassistant: Answer 3.',
      'Question 4. More words.',
      'Answer 4. Details.',
      'Question 5. More words.',
      'Answer 5. Details.',
      CLASSIFY,
    ]);
    const step = result.steps.find((s) => s.step === 'trim');
    assert.match(step?.detail ?? '', /replaced 6 older messages with an extractive summary/);
    assert.ok((step?.tokensAfter ?? 0) < (step?.tokensBefore ?? 0));
  });

  it('has the cheapest allowed model write the summary, and records that call', async () => {
    const history: ChatMessage[] = [];
    for (let i = 1; i <= 3; i++) history.push({ role: 'user', content: `Question ${i}.` }, { role: 'assistant', content: `Answer ${i}.` });
    const result = await pipeline(settings((s) => {
      s.route.enabled = false;
      s.trim.keepTurns = 1;
      s.trim.summarizer = 'model';
      s.trim.summaryModels = ['openai/gpt-4o', 'openai/gpt-4o-mini'];
    })).run(ask('openai/gpt-4o', [...history, { role: 'user', content: CLASSIFY }]));
    const [summaryCall, answerCall] = openai.http.requests.map((r) => JSON.parse(r.body));
    assert.equal(summaryCall.model, 'gpt-4o-mini');
    assert.match(summaryCall.messages[0].content, /^Summarise the conversation below/);
    assert.match(answerCall.messages[0].content, /^Summary of the earlier conversation:\nEcho: user: Question 1/);
    assert.match(result.steps[0].detail, /a summary by openai\/gpt-4o-mini/);
    assert.deepEqual(records().map((r) => r.purpose), ['summary', 'answer']);
  });

  it('serves the second identical run from the cache, also after a restart', async () => {
    const p = pipeline(settings((s) => (s.route.enabled = false)));
    const first = await p.run(ask('openai/gpt-4o-mini'));
    const shown: string[] = [];
    const second = await p.run(ask('openai/gpt-4o-mini'), { onText: (t) => shown.push(t) });
    assert.equal(second.cached, true);
    assert.equal(second.text, first.text);
    assert.deepEqual(shown, [first.text]);
    assert.equal(second.costUsd, 0);
    assert.equal(openai.http.requests.length, 1);
    assert.match(second.steps[0].detail, /the same request was answered before \(steps 1 to 4 skipped\)/);
    // One entry under the request's key, one under the key of what was sent.
    assert.deepEqual(await cache.stats(), { entries: 2, hits: 1, misses: 2, savedUsd: first.costUsd });
    const [, hit] = records();
    assert.deepEqual([hit.cached, hit.costUsd, hit.tokens.input, hit.savings.cache], [true, 0, 0, first.costUsd]);

    await cache.close();
    cache = FileCache.open(path.join(dir, 'cache'));
    const third = await pipeline(settings((s) => (s.route.enabled = false))).run(ask('openai/gpt-4o-mini'));
    assert.equal(third.cached, true);
    assert.equal(openai.http.requests.length, 1);
  });

  it('finds the answer by what was sent when the settings changed but the call did not', async () => {
    await pipeline(settings((s) => (s.route.enabled = false))).run(ask('openai/gpt-4o-mini'));
    const again = await pipeline(settings((s) => {
      s.route.enabled = false;
      s.trim.keepTurns = 3;
    })).run(ask('openai/gpt-4o-mini'));
    assert.equal(again.cached, true);
    assert.deepEqual(again.steps.map((x) => x.step), ['trim', 'compress', 'route', 'length', 'cache', 'call']);
    assert.equal(openai.http.requests.length, 1);
  });

  it('misses the cache when a parameter changes', async () => {
    const p = pipeline(settings((s) => (s.route.enabled = false)));
    await p.run(ask('openai/gpt-4o-mini'));
    const other = await p.run({ ...ask('openai/gpt-4o-mini'), temperature: 0.5 });
    assert.equal(other.cached, false);
    assert.equal(openai.http.requests.length, 2);
  });

  it('runs with every step off: the request goes out as given', async () => {
    const messages: ChatMessage[] = [{ role: 'system', content: WORDY_SYSTEM }, { role: 'user', content: CLASSIFY }];
    const result = await pipeline(settings((s) => {
      s.trim.enabled = s.compress.enabled = s.route.enabled = s.length.enabled = s.cache.enabled = false;
    })).run(ask('openai/gpt-4o', messages));
    assert.deepEqual(result.steps.filter((s) => s.step !== 'call').map((s) => [s.step, s.detail]), [['trim', 'off'], ['compress', 'off'], ['route', 'off'], ['length', 'off']]);
    const body = JSON.parse(openai.http.requests[0].body);
    assert.deepEqual(body.messages, messages);
    assert.equal(body.max_completion_tokens, undefined);
    assert.equal(await cache.get('anything'), undefined);
    assert.equal((await cache.stats()).entries, 0);
  });

  it('records a cancelled call and tries no fallback', async () => {
    anthropic.http.faults.push({ kind: 'hang' });
    const controller = new AbortController();
    const run = pipeline(settings()).run(ask(), { signal: controller.signal, onText: () => {} });
    while (anthropic.http.requests.length === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    await assert.rejects(run, (error: ProviderError) => error.kind === 'cancelled');
    assert.equal(openai.http.requests.length, 0);
    assert.equal(records()[0].outcome, 'cancelled');
  });

  it('leaves no listener on a signal shared by many runs', async () => {
    const controller = new AbortController();
    const p = pipeline(settings((s) => (s.cache.enabled = false)));
    for (let i = 0; i < 20; i++) await p.run(ask('openai/gpt-4o-mini'), { signal: controller.signal, onText: () => {} });
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });

  it('plans without calling: steps 1 to 4 and the models to try', async () => {
    const prepared = await pipeline(settings()).plan(ask('openai/gpt-4o', [{ role: 'system', content: WORDY_SYSTEM }, { role: 'user', content: CLASSIFY }]));
    assert.deepEqual(prepared.chain, ['anthropic/claude-haiku-4-5', 'openai/gpt-4o-mini']);
    assert.deepEqual(prepared.steps.map((s) => s.step), ['trim', 'compress', 'route', 'length']);
    assert.equal(openai.http.requests.length + anthropic.http.requests.length, 0);
  });

  it('writes no key to the ledger, the cache or a failure message', async () => {
    await pipeline(settings()).run(ask());
    anthropic.http.faults.push({ kind: 'status', status: 401, body: { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${KEYS.anthropic}` } } });
    openai.http.faults.push({ kind: 'status', status: 400, body: { error: { message: `bad request for key ${KEYS.openai}` } } });
    await assert.rejects(pipeline(settings((s) => (s.cache.enabled = false))).run(ask()), (error: ProviderError) => {
      for (const key of Object.values(KEYS)) assert.ok(!error.message.includes(key), error.message);
      return true;
    });
    ledger.close();
    const stored = [fs.readFileSync(path.join(dir, 'ledger.jsonl'), 'utf8'), fs.readFileSync(path.join(dir, 'cache', 'responses.jsonl'), 'utf8')].join('\n');
    for (const key of Object.values(KEYS)) assert.ok(!stored.includes(key));
    assert.match(stored, /"fallback":\{"from":"anthropic\/claude-haiku-4-5","reason":"Anthropic rejected the API key/);
  });
});
