import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { compileRoutingTable } from '../../../src/core/route';
import { FileCache } from '../../../src/runtime/cache/file-cache';
import { LedgerWriter, readLedger } from '../../../src/runtime/ledger/ledger-file';
import { runBatch, type BatchItem } from '../../../src/runtime/optimizer/batch';
import { priceUsage } from '../../../src/runtime/optimizer/cost';
import { Pipeline } from '../../../src/runtime/optimizer/pipeline';
import { defaultSettings } from '../../../src/runtime/optimizer/settings';
import type { ProviderRegistry } from '../../../src/runtime/providers/registry';
import { startAnthropicFake, type AnthropicFake } from '../../fakes/anthropic-fake';
import { startGeminiFake, type GeminiFake } from '../../fakes/gemini-fake';
import { startOpenAiFake, type OpenAiFake } from '../../fakes/openai-fake';
import { catalog, KEYS, recordingSleep, registryFor, tempDir } from './helpers';

const item = (id: string, model: string, user: string): BatchItem => ({ id, request: { model, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: user }] } });

describe('batch mode', () => {
  let openai: OpenAiFake;
  let anthropic: AnthropicFake;
  let gemini: GeminiFake;
  let registry: ProviderRegistry;
  let dir: string;
  let cache: FileCache;
  let ledger: LedgerWriter;

  before(async () => {
    openai = await startOpenAiFake({ key: KEYS.openai, batchPollsUntilDone: 2 });
    anthropic = await startAnthropicFake({ key: KEYS.anthropic, batchPollsUntilDone: 1 });
    gemini = await startGeminiFake({ key: KEYS.google });
    registry = registryFor({ openai: { baseUrl: openai.baseUrl }, anthropic: { baseUrl: anthropic.baseUrl }, google: { baseUrl: gemini.baseUrl } });
  });
  after(async () => Promise.all([openai.close(), anthropic.close(), gemini.close()]));
  beforeEach(() => {
    dir = tempDir('batch');
    cache = FileCache.open(path.join(dir, 'cache'));
    ledger = new LedgerWriter(path.join(dir, 'ledger.jsonl'));
    openai.http.requests.length = 0;
    anthropic.http.requests.length = 0;
  });
  afterEach(async () => {
    ledger.close();
    await cache.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function deps() {
    const settings = defaultSettings(DEFAULT_CONFIG);
    settings.route.enabled = false;
    const pipeline = new Pipeline({ catalog, models: registry, routing: compileRoutingTable([]).table, settings, cache, ledger });
    return { pipeline, catalog, batches: registry, cache, ledger, pollIntervalMs: 1000, sleep: recordingSleep().sleep };
  }

  it('submits per provider, polls, collects the results and prices them at the batch rate', async () => {
    const statuses: string[] = [];
    const results = await runBatch(
      [item('a', 'openai/gpt-4o-mini', 'One two'), item('b', 'anthropic/claude-haiku-4-5', 'Three four'), item('c', 'openai/gpt-4o-mini', 'Five six')],
      deps(),
      { onStatus: (s) => statuses.push(s) },
    );
    assert.deepEqual(results.map((r) => [r.id, r.text]).sort(), [['a', 'Echo: One two'], ['b', 'Echo: Three four'], ['c', 'Echo: Five six']]);
    assert.ok(statuses.some((s) => /submitted 2 requests to OpenAI as batch batch_/.test(s)));
    assert.ok(statuses.some((s) => /in_progress/.test(s)));
    const uploaded = openai.http.requests.find((r) => r.path === '/v1/files');
    assert.match(uploaded?.body ?? '', /"custom_id":"item-0","method":"POST","url":"\/v1\/chat\/completions"/);
    const info = catalog.resolve('openai/gpt-4o-mini');
    const a = results.find((r) => r.id === 'a');
    assert.ok(a?.usage && info);
    assert.equal(a.costUsd, priceUsage(info, a.usage, true));
    assert.ok(Math.abs((a.costUsd ?? 0) * 2 - (priceUsage(info, a.usage) ?? 0)) < 1e-15, 'half the list price');

    const records = readLedger(path.join(dir, 'ledger.jsonl')).records;
    assert.equal(records.length, 3);
    assert.ok(records.every((r) => r.batch && r.outcome === 'ok' && r.savings.batching > 0));
  });

  it('serves answers already in the cache without submitting them', async () => {
    await runBatch([item('a', 'openai/gpt-4o-mini', 'Seven eight')], deps());
    openai.http.requests.length = 0;
    const results = await runBatch([item('again', 'openai/gpt-4o-mini', 'Seven eight')], deps());
    assert.deepEqual(results.map((r) => [r.id, r.cached, r.costUsd]), [['again', true, 0]]);
    assert.equal(openai.http.requests.length, 0);
  });

  it('shares cache entries with single runs of the same request', async () => {
    const { pipeline } = deps();
    await runBatch([item('a', 'anthropic/claude-haiku-4-5', 'Nine ten')], deps());
    const single = await pipeline.run(item('a', 'anthropic/claude-haiku-4-5', 'Nine ten').request);
    assert.equal(single.cached, true);
  });

  describe('when the run is stopped while the batch is running', () => {
    let slowOpenai: OpenAiFake;
    let slowAnthropic: AnthropicFake;
    let slowGemini: GeminiFake;
    let failingOpenai: OpenAiFake;

    before(async () => {
      slowOpenai = await startOpenAiFake({ key: KEYS.openai, batchPollsUntilDone: 1000 });
      slowAnthropic = await startAnthropicFake({ key: KEYS.anthropic, batchPollsUntilDone: 1000 });
      slowGemini = await startGeminiFake({ key: KEYS.google, batchPollsUntilDone: 1000 });
      failingOpenai = await startOpenAiFake({ key: KEYS.openai, batchPollsUntilDone: 1000, batchCancelStatus: 500 });
    });
    after(async () => Promise.all([slowOpenai.close(), slowAnthropic.close(), slowGemini.close(), failingOpenai.close()]));

    /** Runs one item and stops the run at its second poll; returns the error the run ends with. */
    async function stopAtSecondPoll(providers: Parameters<typeof registryFor>[0], model: string): Promise<Error> {
      const controller = new AbortController();
      let polls = 0;
      const stopping = {
        ...deps(),
        batches: registryFor(providers),
        sleep: async () => {
          if (++polls === 2) controller.abort(new Error('stopped by the user'));
        },
      };
      return runBatch([item('a', model, 'Twelve')], stopping, {}, controller.signal).then(
        () => assert.fail('the run should end with an error'),
        (error: Error) => error,
      );
    }

    it('cancels an OpenAI batch at the provider and says what is still billed', async () => {
      const error = await stopAtSecondPoll({ openai: { baseUrl: slowOpenai.baseUrl } }, 'openai/gpt-4o-mini');
      assert.match(error.message, /^Cancelled batch batch_\d+ at OpenAI; requests it finished before the cancel are still billed\.$/);
      assert.ok(slowOpenai.http.requests.some((r) => r.method === 'POST' && /^\/v1\/batches\/batch_\d+\/cancel$/.test(r.path)));
      assert.ok([...slowOpenai.batches.values()].every((b) => b.cancelled));
    });

    it('cancels an Anthropic message batch at the provider', async () => {
      const error = await stopAtSecondPoll({ anthropic: { baseUrl: slowAnthropic.baseUrl } }, 'anthropic/claude-haiku-4-5');
      assert.match(error.message, /^Cancelled batch msgbatch_\d+ at Anthropic;/);
      assert.ok(slowAnthropic.http.requests.some((r) => r.method === 'POST' && /^\/v1\/messages\/batches\/msgbatch_\d+\/cancel$/.test(r.path)));
    });

    it('cancels a Gemini batch job at the provider', async () => {
      const error = await stopAtSecondPoll({ google: { baseUrl: slowGemini.baseUrl } }, 'google/gemini-2.5-flash');
      assert.match(error.message, /^Cancelled batch batches\/fake\d+ at Google Gemini;/);
      assert.ok([...slowGemini.batches.values()].every((b) => b.cancelled));
    });

    it('says the batch may go on when the provider refuses the cancel', async () => {
      const error = await stopAtSecondPoll({ openai: { baseUrl: failingOpenai.baseUrl } }, 'openai/gpt-4o-mini');
      assert.match(error.message, /^Stopped waiting for batch batch_\d+, but cancelling it at OpenAI failed \(.+\): it may go on and be billed\. Cancel it in the OpenAI console\.$/);
    });
  });

  it('runs Gemini models through Batch Mode, matching the answers by the key each request carried', async () => {
    const results = await runBatch([item('g1', 'google/gemini-2.5-flash', 'Eleven twelve'), item('g2', 'google/gemini-2.5-flash', 'Thirteen')], deps());
    assert.deepEqual(results.map((r) => [r.id, r.text]).sort(), [['g1', 'Echo: Eleven twelve'], ['g2', 'Echo: Thirteen']]);
    const created = gemini.http.requests.find((r) => r.path === '/v1beta/models/gemini-2.5-flash:batchGenerateContent');
    const body = JSON.parse(created?.body ?? '{}') as { batch: { inputConfig: { requests: { requests: Array<{ request: { systemInstruction?: unknown }; metadata: { key: string } }> } } } };
    const sent = body.batch.inputConfig.requests.requests;
    assert.deepEqual(sent.map((r) => r.metadata.key), ['item-0', 'item-1']);
    assert.ok(sent.every((r) => JSON.stringify(r.request.systemInstruction).includes('Be brief.')), 'the system message goes as the system instruction');
    const info = catalog.resolve('google/gemini-2.5-flash');
    const g1 = results.find((r) => r.id === 'g1');
    assert.ok(g1?.usage && info);
    assert.equal(g1.costUsd, priceUsage(info, g1.usage, true));
    assert.ok((g1.costUsd ?? 0) < (priceUsage(info, g1.usage) ?? 0), 'below the list price');
  });

  it('reports a model on a local server, which has no batch API, as a failed item', async () => {
    const [result] = await runBatch([item('l', 'ollama/qwen2.5:7b', 'Fourteen')], deps());
    assert.match(result.error ?? '', /runs on this machine and has no batch API .* run 'ollama\/qwen2.5:7b' with 'promptcost run' instead/);
  });
});
