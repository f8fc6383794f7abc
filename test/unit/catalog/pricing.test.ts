import assert from 'node:assert/strict';
import { calcPrice } from '@pydantic/genai-prices';
import { Catalog, costOf, type ModelInfo } from '../../../src/core/catalog';

const AT = new Date('2026-09-23T12:00:00Z');
const catalog = new Catalog({ at: AT });

/** Relative tolerance for floating-point order-of-operations differences. */
function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${what}: ${actual} != ${expected}`);
}

const USAGES = [
  { inputTokens: 1_000, outputTokens: 500 },
  { inputTokens: 12_345, outputTokens: 678, cachedInputTokens: 10_000 },
  { inputTokens: 250_000, outputTokens: 4_000 },
  { inputTokens: 300_000, outputTokens: 1_000, cachedInputTokens: 100_000, cacheWriteTokens: 50_000 },
];

const MODELS = [
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-5',
  'o3-mini',
  'gpt-3.5-turbo',
  'claude-3-5-sonnet-latest',
  'claude-sonnet-4-5',
  'claude-opus-4-7',
  'gemini-1.5-pro',
  'gemini-2.5-flash',
  'mistral-large-latest',
  'deepseek-chat',
  'anthropic.claude-3-haiku-20240307-v1:0',
];

describe('costOf', () => {
  for (const text of MODELS) {
    it(`equals genai-prices' calcPrice for ${text}`, () => {
      const model = catalog.resolve(text)!;
      const [provider, ...rest] = model.id.split('/');
      for (const usage of USAGES) {
        const expected = calcPrice(
          { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens, cache_read_tokens: usage.cachedInputTokens, cache_write_tokens: usage.cacheWriteTokens },
          rest.join('/'),
          { providerId: provider, timestamp: AT },
        );
        assert.ok(expected, `calcPrice knows ${model.id}`);
        const cost = costOf(model, usage);
        close(cost.input, expected.input_price, `${model.id} input ${JSON.stringify(usage)}`);
        close(cost.output, expected.output_price, `${model.id} output ${JSON.stringify(usage)}`);
        close(cost.total, cost.input + cost.output, 'total');
      }
    });
  }

  it('halves the price through the batch API of openai, anthropic and google', () => {
    for (const text of ['gpt-4o', 'claude-3-5-sonnet-latest', 'gemini-2.5-flash']) {
      const model = catalog.resolve(text)!;
      assert.equal(model.batchInput, model.input! / 2, text);
      assert.equal(model.batchOutput, model.output! / 2, text);
      const usage = { inputTokens: 40_000, outputTokens: 2_000, cachedInputTokens: 8_000 };
      const list = costOf(model, usage);
      const batch = costOf(model, { ...usage, batch: true });
      assert.equal(batch.batch, true);
      close(batch.total, list.total / 2, text);
    }
  });

  it('has no batch price elsewhere and prices a batch request at list price', () => {
    for (const text of ['deepseek-chat', 'mistral-large-latest', 'groq/llama-3.1-8b-instant']) {
      const model = catalog.resolve(text)!;
      assert.equal(model.batchInput, null, text);
      assert.equal(model.batchOutput, null, text);
      const usage = { inputTokens: 1_000, outputTokens: 1_000 };
      assert.deepEqual(costOf(model, { ...usage, batch: true }), costOf(model, usage));
    }
  });

  it('applies a long-context tier to the whole request once the prompt exceeds it', () => {
    const model = catalog.resolve('gemini-1.5-pro')!;
    const tier = model.tiers!.input![0];
    const atStart = costOf(model, { inputTokens: tier.aboveInputTokens, outputTokens: 0 });
    const above = costOf(model, { inputTokens: tier.aboveInputTokens + 1, outputTokens: 0 });
    close(atStart.input, (tier.aboveInputTokens * model.input!) / 1e6, 'at the tier start');
    close(above.input, ((tier.aboveInputTokens + 1) * tier.price) / 1e6, 'above the tier start');
  });

  it('costs nothing on a local model', () => {
    const cost = costOf(catalog.resolve('ollama/llama3.1')!, { inputTokens: 1e6, outputTokens: 1e6 });
    assert.deepEqual(cost, { input: 0, output: 0, total: 0, batch: false });
  });

  it('prices an override model from its own fields', () => {
    const custom = new Catalog({ overrides: { 'acme/internal-8b': { input: 0.1, output: 0.2 } } }).resolve('acme/internal-8b') as ModelInfo;
    const cost = costOf(custom, { inputTokens: 2_000_000, outputTokens: 500_000 });
    close(cost.input, 0.2, 'input');
    close(cost.output, 0.1, 'output');
  });

  it('rejects cached tokens beyond the input tokens', () => {
    assert.throws(() => costOf(catalog.resolve('gpt-4o')!, { inputTokens: 10, outputTokens: 0, cachedInputTokens: 11 }), RangeError);
  });
});
