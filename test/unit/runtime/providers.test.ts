import * as assert from 'node:assert/strict';
import { ProviderError } from '../../../src/runtime/providers/errors';
import type { ProviderRegistry } from '../../../src/runtime/providers/registry';
import { startAnthropicFake, type AnthropicFake } from '../../fakes/anthropic-fake';
import { startGeminiFake, type GeminiFake } from '../../fakes/gemini-fake';
import { startOpenAiFake, type OpenAiFake } from '../../fakes/openai-fake';
import { closedPort, KEYS, recordingSleep, registryFor } from './helpers';

const USER = 'Name three primary colours.';
const ECHO = `Echo: ${USER}`;
const messages = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'user' as const, content: USER },
];

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${error}`);
    return error;
  }
  assert.fail('the call succeeded');
}

describe('providers against loopback fakes', () => {
  let openai: OpenAiFake;
  let anthropic: AnthropicFake;
  let gemini: GeminiFake;
  let registry: ProviderRegistry;

  before(async () => {
    openai = await startOpenAiFake({ key: KEYS.openai, cachedTokens: 2, reasoningTokens: 3 });
    anthropic = await startAnthropicFake({ key: KEYS.anthropic, cacheReadTokens: 2, cacheWriteTokens: 1 });
    gemini = await startGeminiFake({ key: KEYS.google, cachedTokens: 1, thoughtsTokens: 4 });
    registry = registryFor({
      openai: { baseUrl: openai.baseUrl },
      anthropic: { baseUrl: anthropic.baseUrl },
      google: { baseUrl: gemini.baseUrl },
      ollama: { baseUrl: openai.baseUrl },
    }, { ...KEYS, ollama: KEYS.openai });
  });
  after(async () => Promise.all([openai.close(), anthropic.close(), gemini.close()]));
  beforeEach(() => {
    for (const fake of [openai.http, anthropic.http, gemini.http]) {
      fake.requests.length = 0;
      fake.faults.length = 0;
    }
  });

  describe('OpenAI chat completions', () => {
    it('streams the answer and records the usage of the final chunk', async () => {
      const model = await registry.open('openai/gpt-4o-mini');
      const chunks: string[] = [];
      const result = await model.call({ messages, maxOutputTokens: 50 }, { onText: (t) => chunks.push(t) });
      assert.equal(result.text, ECHO);
      assert.ok(chunks.length > 1, 'more than one chunk');
      assert.equal(chunks.join(''), ECHO);
      assert.deepEqual(result.usage, { inputTokens: 7, outputTokens: 5 + 3, cachedInputTokens: 2, cacheWriteTokens: 0, reasoningTokens: 3, reported: true });
      assert.equal(result.finishReason, 'stop');
      const sent = JSON.parse(openai.http.requests[0].body);
      assert.deepEqual(sent.stream_options, { include_usage: true });
      assert.equal(sent.max_completion_tokens, 50);
      assert.equal(sent.model, 'gpt-4o-mini');
    });

    it('answers without streaming', async () => {
      const result = await (await registry.open('openai/gpt-4o-mini')).call({ messages });
      assert.equal(result.text, ECHO);
      assert.equal(result.usage.inputTokens, 7);
      assert.equal(JSON.parse(openai.http.requests[0].body).stream, false);
    });

    it('reports a cut answer as finishing at the length bound', async () => {
      const result = await (await registry.open('openai/gpt-4o-mini')).call({ messages, maxOutputTokens: 2 }, { onText: () => {} });
      assert.equal(result.text, 'Echo: Name ');
      assert.equal(result.finishReason, 'length');
    });

    it('sends max_tokens to OpenAI-compatible servers', async () => {
      const model = await registry.open('ollama/qwen2.5:7b');
      assert.equal(model.endpoint.local, true);
      await model.call({ messages, maxOutputTokens: 9 });
      const sent = JSON.parse(openai.http.requests[0].body);
      assert.equal(sent.model, 'qwen2.5:7b');
      assert.equal(sent.max_tokens, 9);
      assert.equal(sent.max_completion_tokens, undefined);
    });
  });

  describe('OpenAI responses', () => {
    it('streams output_text deltas and reads usage from response.completed', async () => {
      const model = await registry.open('openai/gpt-4o-mini', 'responses');
      const chunks: string[] = [];
      const result = await model.call({ messages }, { onText: (t) => chunks.push(t) });
      assert.equal(chunks.join(''), ECHO);
      assert.deepEqual(result.usage, { inputTokens: 7, outputTokens: 5 + 3, cachedInputTokens: 2, cacheWriteTokens: 0, reasoningTokens: 3, reported: true });
      const sent = JSON.parse(openai.http.requests[0].body);
      assert.equal(sent.instructions, 'You are terse.');
      assert.equal(openai.http.requests[0].path, '/v1/responses');
    });

    it('answers without streaming', async () => {
      const result = await (await registry.open('openai/gpt-4o-mini', 'responses')).call({ messages, maxOutputTokens: 3 });
      assert.equal(result.text, 'Echo: Name three ');
      assert.equal(result.finishReason, 'length');
    });
  });

  describe('Anthropic messages', () => {
    it('streams text deltas; input tokens include cache reads and writes', async () => {
      const chunks: string[] = [];
      const result = await (await registry.open('anthropic/claude-haiku-4-5')).call({ messages }, { onText: (t) => chunks.push(t) });
      assert.equal(chunks.join(''), ECHO);
      assert.deepEqual(result.usage, { inputTokens: 7, outputTokens: 5, cachedInputTokens: 2, cacheWriteTokens: 1, reasoningTokens: 0, reported: true });
      const sent = JSON.parse(anthropic.http.requests[0].body);
      assert.equal(sent.system, 'You are terse.');
      assert.equal(sent.max_tokens, 4096, 'the default bound when none is given');
    });

    it('answers without streaming', async () => {
      const result = await (await registry.open('anthropic/claude-haiku-4-5')).call({ messages, maxOutputTokens: 2 });
      assert.equal(result.text, 'Echo: Name ');
      assert.equal(result.finishReason, 'length');
      assert.equal(result.usage.inputTokens, 7);
    });
  });

  describe('Gemini generateContent', () => {
    it('streams with alt=sse and counts thoughts as output', async () => {
      const chunks: string[] = [];
      const result = await (await registry.open('google/gemini-2.5-flash')).call({ messages }, { onText: (t) => chunks.push(t) });
      assert.equal(chunks.join(''), ECHO);
      assert.deepEqual(result.usage, { inputTokens: 7, outputTokens: 5 + 4, cachedInputTokens: 1, cacheWriteTokens: 0, reasoningTokens: 4, reported: true });
      assert.match(gemini.http.requests[0].path, /streamGenerateContent\?alt=sse/);
      assert.equal(result.finishReason, 'stop');
    });

    it('answers without streaming', async () => {
      const result = await (await registry.open('gemini/gemini-2.5-flash')).call({ messages, maxOutputTokens: 2 });
      assert.equal(result.text, 'Echo: Name ');
      assert.equal(result.finishReason, 'length');
      const sent = JSON.parse(gemini.http.requests[0].body);
      assert.equal(sent.generationConfig.maxOutputTokens, 2);
    });
  });

  describe('retries', () => {
    it('waits as long as retry-after says on a 429, then succeeds', async () => {
      openai.http.faults.push({ kind: 'status', status: 429, headers: { 'retry-after': '2' }, body: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } } });
      const { delays, sleep } = recordingSleep();
      const result = await (await registry.open('openai/gpt-4o-mini')).call({ messages }, { sleep });
      assert.equal(result.text, ECHO);
      assert.deepEqual(delays, [2000]);
      assert.equal(openai.http.requests.length, 2);
    });

    it('honours retry-after-ms over retry-after', async () => {
      anthropic.http.faults.push({ kind: 'status', status: 429, headers: { 'retry-after-ms': '150', 'retry-after': '9' }, body: { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } } });
      const { delays, sleep } = recordingSleep();
      await (await registry.open('anthropic/claude-haiku-4-5')).call({ messages }, { sleep });
      assert.deepEqual(delays, [150]);
    });

    it("reads Gemini's RetryInfo from the error body", async () => {
      gemini.http.faults.push({ kind: 'status', status: 429, body: { error: { code: 429, message: 'Resource exhausted', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '3s' }] } } });
      const { delays, sleep } = recordingSleep();
      await (await registry.open('google/gemini-2.5-flash')).call({ messages }, { sleep });
      assert.deepEqual(delays, [3000]);
    });

    it('backs off exponentially on 500s and gives up after the last retry', async () => {
      for (let i = 0; i < 4; i++) openai.http.faults.push({ kind: 'status', status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } });
      const { delays, sleep } = recordingSleep();
      const retry = { retries: 3, baseDelayMs: 100, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 };
      const error = await failure((await registry.open('openai/gpt-4o-mini')).call({ messages }, { sleep, retry }));
      assert.equal(error.kind, 'server');
      assert.match(error.message, /HTTP 500.*gave up after 4 attempts/);
      assert.equal(delays.length, 3);
      delays.forEach((d, i) => assert.ok(d >= 50 * 2 ** i && d <= 100 * 2 ** i, `delay ${i} = ${d}`));
    });

    it('does not wait for a retry-after longer than the policy allows', async () => {
      openai.http.faults.push({ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, body: { error: { message: 'Rate limit reached', type: 'requests' } } });
      const { delays, sleep } = recordingSleep();
      const error = await failure((await registry.open('openai/gpt-4o-mini')).call({ messages }, { sleep }));
      assert.equal(error.kind, 'rate-limited');
      assert.match(error.message, /retry after 3600 s/);
      assert.deepEqual(delays, []);
    });

    it('does not retry a quota error', async () => {
      openai.http.faults.push({ kind: 'status', status: 429, body: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' } } });
      const error = await failure((await registry.open('openai/gpt-4o-mini')).call({ messages }, recordingSleep()));
      assert.equal(error.kind, 'quota');
      assert.match(error.message, /out of quota or credit/);
      assert.equal(openai.http.requests.length, 1);
    });
  });

  describe('timeouts, broken streams, cancellation', () => {
    it('times out a request that gets no answer', async () => {
      openai.http.faults.push({ kind: 'hang' });
      const error = await failure((await registry.open('openai/gpt-4o-mini')).call({ messages }, { idleTimeoutMs: 200, retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } }));
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, /OpenAI sent nothing for 200 ms/);
    });

    it('retries after a timeout', async () => {
      anthropic.http.faults.push({ kind: 'hang' });
      const { sleep } = recordingSleep();
      const result = await (await registry.open('anthropic/claude-haiku-4-5')).call({ messages }, { idleTimeoutMs: 200, sleep, onText: () => {} });
      assert.equal(result.text, ECHO);
      assert.equal(anthropic.http.requests.length, 2);
    });

    it('reports a stream broken after text was shown, without retrying', async () => {
      openai.http.faults.push({ kind: 'break', afterEvents: 3 });
      const chunks: string[] = [];
      const error = await failure((await registry.open('openai/gpt-4o-mini')).call({ messages }, { onText: (t) => chunks.push(t), ...recordingSleep() }));
      assert.equal(error.kind, 'broken-stream');
      assert.equal(chunks.join(''), 'Echo: Name ');
      assert.equal(openai.http.requests.length, 1);
    });

    it('retries a stream broken before any text', async () => {
      anthropic.http.faults.push({ kind: 'break', afterEvents: 1 });
      const chunks: string[] = [];
      const result = await (await registry.open('anthropic/claude-haiku-4-5')).call({ messages }, { onText: (t) => chunks.push(t), ...recordingSleep() });
      assert.equal(result.text, ECHO);
      assert.equal(chunks.join(''), ECHO);
      assert.equal(anthropic.http.requests.length, 2);
    });

    it('breaks a Gemini stream mid-way', async () => {
      gemini.http.faults.push({ kind: 'break', afterEvents: 2 });
      const error = await failure((await registry.open('google/gemini-2.5-flash')).call({ messages }, { onText: () => {}, ...recordingSleep() }));
      assert.equal(error.kind, 'broken-stream');
    });

    it('stops when the caller cancels', async () => {
      openai.http.faults.push({ kind: 'hang' });
      const controller = new AbortController();
      const call = (await registry.open('openai/gpt-4o-mini')).call({ messages }, { signal: controller.signal, onText: () => {} });
      while (openai.http.requests.length === 0) await new Promise((r) => setImmediate(r));
      controller.abort();
      const error = await failure(call);
      assert.equal(error.kind, 'cancelled');
    });
  });

  describe('clear messages', () => {
    it('names the key to fix on a 401, and never shows the key', async () => {
      const bad = registryFor({ openai: { baseUrl: openai.baseUrl } }, { openai: 'sk-wrong-key-abcdefghijklmnop' });
      const error = await failure((await bad.open('openai/gpt-4o-mini')).call({ messages }));
      assert.equal(error.kind, 'bad-key');
      assert.equal(error.message, 'OpenAI rejected the API key (HTTP 401). Check the test key of openai.');
      assert.ok(!error.message.includes('sk-wrong'));
    });

    it("reads Gemini's 400 'API key not valid' as a bad key", async () => {
      const bad = registryFor({ google: { baseUrl: gemini.baseUrl } }, { google: 'AIzaWrongKey0123456789abcdefghijklm' });
      const error = await failure((await bad.open('google/gemini-2.5-flash')).call({ messages }));
      assert.equal(error.kind, 'bad-key');
    });

    for (const id of ['openai/no-such-model', 'anthropic/no-such-model', 'google/no-such-model']) {
      it(`reports an unknown model (${id.split('/')[0]})`, async () => {
        const error = await failure((await registry.open(id)).call({ messages }));
        assert.equal(error.kind, 'unknown-model');
        assert.match(error.message, /does not know the model 'no-such-model' \(HTTP 404\)/);
      });
    }

    it('says how to start an unreachable local server', async () => {
      const port = await closedPort();
      const local = registryFor({ ollama: { baseUrl: `http://127.0.0.1:${port}/v1` } });
      const error = await failure((await local.open('ollama/llama3')).call({ messages }));
      assert.equal(error.kind, 'unreachable');
      assert.equal(error.message, `Cannot reach Ollama at http://127.0.0.1:${port}/v1 (ECONNREFUSED). Is the Ollama server running? Start it with 'ollama serve'.`);
    });

    it('asks for a missing key before calling', async () => {
      const none = registryFor({ openai: { baseUrl: openai.baseUrl } }, {});
      const error = await failure(none.open('openai/gpt-4o-mini'));
      assert.equal(error.kind, 'missing-key');
      assert.equal(openai.http.requests.length, 0);
    });

    it('asks for the provider of a model it cannot place', () => {
      assert.throws(() => registry.parse('mystery-model-9'), (e: ProviderError) => e.kind === 'no-endpoint');
    });
  });
});
