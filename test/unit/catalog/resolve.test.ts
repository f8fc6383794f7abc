import assert from 'node:assert/strict';
import { Catalog } from '../../../src/core/catalog';

const catalog = new Catalog({ at: new Date('2026-09-23T12:00:00Z') });

/** Strings as written in code, and the canonical id each must resolve to. */
const RESOLVES: ReadonlyArray<readonly [string, string]> = [
  ['gpt-4o', 'openai/gpt-4o'],
  ['openai/gpt-4o', 'openai/gpt-4o'],
  ['openai:gpt-4o', 'openai/gpt-4o'],
  ['gpt-4o-2024-08-06', 'openai/gpt-4o'],
  ['  gpt-4o-mini ', 'openai/gpt-4o-mini'],
  ['o3-mini', 'openai/o3-mini'],
  ['gpt-5', 'openai/gpt-5'],
  ['gpt-4.1-mini', 'openai/gpt-4.1-mini'],
  ['text-embedding-3-small', 'openai/text-embedding-3-small'],
  ['claude-3-5-sonnet-latest', 'anthropic/claude-3-5-sonnet'],
  ['claude-sonnet-4-5', 'anthropic/claude-sonnet-4-5'],
  ['anthropic/claude-3-haiku-20240307', 'anthropic/claude-3-haiku'],
  ['gemini-2.5-flash', 'google/gemini-2.5-flash'],
  ['models/gemini-1.5-pro', 'google/gemini-1.5-pro'],
  ['gemini-1.5-pro-002', 'google/gemini-1.5-pro'],
  ['gemini/gemini-2.0-flash', 'google/gemini-2.0-flash'],
  ['vertex_ai/gemini-1.5-pro', 'google/gemini-1.5-pro'],
  ['publishers/google/models/gemini-1.5-pro', 'google/gemini-1.5-pro'],
  ['claude-3-5-sonnet-v2@20241022', 'google/claude-3-5-sonnet'],
  ['mistral-large-latest', 'mistral/mistral-large'],
  ['deepseek-chat', 'deepseek/deepseek-chat'],
  ['anthropic.claude-3-haiku-20240307-v1:0', 'aws/regional.anthropic.claude-3-haiku-20240307-v1:0'],
  ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'aws/regional.anthropic.claude-3-5-sonnet-20241022-v2:0'],
  ['bedrock/anthropic.claude-3-haiku-20240307-v1:0', 'aws/regional.anthropic.claude-3-haiku-20240307-v1:0'],
  ['groq/llama-3.1-8b-instant', 'groq/llama-3.1-8b-instant'],
  ['openrouter/openai/gpt-4o', 'openrouter/openai/gpt-4o'],
];

const UNKNOWN = ['', 'foo-bar', 'gpt-4o-foo', 'gpt-9000', 'acme/internal-8b', 'llama-3.1-8b-instant', 'my-model'];

describe('Catalog.resolve', () => {
  for (const [text, id] of RESOLVES) {
    it(`resolves ${JSON.stringify(text)} to ${id}`, () => assert.equal(catalog.resolve(text)?.id, id));
  }

  for (const text of UNKNOWN) {
    it(`leaves ${JSON.stringify(text)} unresolved`, () => assert.equal(catalog.resolve(text), undefined));
  }

  it('uses a provider hint when the string has no prefix', () => {
    assert.equal(catalog.resolve('gpt-4o', { provider: 'openai' })?.id, 'openai/gpt-4o');
    assert.equal(catalog.resolve('gpt-4o', { provider: 'azure' })?.id, 'azure/gpt-4o');
    assert.equal(catalog.resolve('llama-3.1-8b-instant', { provider: 'groq' })?.id, 'groq/llama-3.1-8b-instant');
    assert.equal(catalog.resolve('claude-3-haiku', { provider: 'openai' }), undefined);
  });

  it('round-trips every canonical id of the first-party providers', () => {
    const firstParty = new Set(['openai', 'anthropic', 'google', 'mistral', 'deepseek']);
    const models = catalog.list().filter((model) => firstParty.has(model.provider));
    assert.ok(models.length > 150);
    for (const model of models) assert.equal(catalog.resolve(model.id)?.id, model.id, model.id);
  });

  it('fills the model fields from the catalog', () => {
    const model = catalog.resolve('gpt-4o')!;
    assert.equal(model.provider, 'openai');
    assert.equal(model.kind, 'chat');
    assert.equal(model.tokenizer, 'o200k_base');
    assert.equal(model.contextWindow, 128_000);
    assert.equal(model.maxOutput, null);
    assert.equal(model.local, false);
    assert.equal(model.source, 'genai-prices');
    assert.ok(model.aliases.includes('gpt-4o-2024-08-06'));
    assert.ok(model.input! > 0 && model.output! > model.input!);
    assert.equal(catalog.resolve('claude-opus-4-7')?.tokenizer, 'claude-opus-4.7');
    assert.equal(catalog.resolve('claude-haiku-4-5')?.tokenizer, 'claude-2025');
    assert.equal(catalog.resolve('text-embedding-3-small')?.kind, 'embedding');
  });

  it('keeps the base tier as the price and the long-context tiers beside it', () => {
    const model = catalog.resolve('gemini-1.5-pro')!;
    assert.ok(model.tiers?.input && model.tiers.input.length > 0);
    assert.ok(model.tiers.input.every((tier) => tier.price > model.input! && tier.aboveInputTokens > 0));
  });

  it('gives the catalog date as YYYY-MM-DD on every model', () => {
    assert.match(catalog.catalogDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(new Date(`${catalog.catalogDate}T00:00:00Z`).toISOString().slice(0, 10), catalog.catalogDate);
    assert.ok(catalog.list().every((model) => model.catalogDate === catalog.catalogDate));
  });
});

describe('local models', () => {
  const LOCAL: ReadonlyArray<readonly [string, string]> = [
    ['ollama/qwen2.5:7b', 'ollama/qwen2.5:7b'],
    ['ollama_chat/llama3.1', 'ollama/llama3.1'],
    ['lmstudio/anything-at-all', 'lmstudio/anything-at-all'],
    ['localai/gpt-4o', 'localai/gpt-4o'],
    ['vllm/meta-llama/Llama-3.1-8B-Instruct', 'vllm/meta-llama/Llama-3.1-8B-Instruct'],
  ];
  for (const [text, id] of LOCAL) {
    it(`resolves ${text} to a free local model`, () => {
      const model = catalog.resolve(text)!;
      assert.equal(model.id, id);
      assert.equal(model.local, true);
      assert.equal(model.input, 0);
      assert.equal(model.output, 0);
      assert.equal(model.source, 'local');
      assert.match(model.note ?? '', /local model/);
    });
  }

  it('takes the local server from a provider hint', () => {
    assert.equal(catalog.resolve('qwen2.5:7b', { provider: 'ollama' })?.local, true);
  });

  it('picks the tokenizer from the model name', () => {
    assert.equal(catalog.resolve('ollama/qwen2.5:7b')?.tokenizer, 'qwen');
    assert.equal(catalog.resolve('ollama/some-model')?.tokenizer, 'other');
  });
});

describe('overrides', () => {
  const withOverrides = new Catalog({
    overrides: {
      'acme/internal-8b': { input: 0.1, output: 0.2, contextWindow: 32768, tokenizer: 'o200k_base' },
      'openai/gpt-4o-mini': { input: 0.2, maxOutput: 16384 },
      'gemini-1.5-pro': { input: 1 },
    },
  });

  it('adds a model', () => {
    const model = withOverrides.resolve('acme/internal-8b')!;
    assert.deepEqual(
      { id: model.id, provider: model.provider, input: model.input, output: model.output, contextWindow: model.contextWindow, tokenizer: model.tokenizer, source: model.source },
      { id: 'acme/internal-8b', provider: 'acme', input: 0.1, output: 0.2, contextWindow: 32768, tokenizer: 'o200k_base', source: 'override' },
    );
    assert.equal(model.batchInput, null);
    assert.ok(withOverrides.list().some((listed) => listed.id === 'acme/internal-8b'));
  });

  it('overrides fields of a catalog model under every alias', () => {
    const base = catalog.resolve('gpt-4o-mini')!;
    for (const text of ['gpt-4o-mini', 'openai/gpt-4o-mini', 'gpt-4o-mini-2024-07-18']) {
      const model = withOverrides.resolve(text)!;
      assert.equal(model.input, 0.2, text);
      assert.equal(model.batchInput, 0.1, text);
      assert.equal(model.maxOutput, 16384, text);
      assert.equal(model.output, base.output, text);
      assert.equal(model.source, 'override', text);
    }
  });

  it('drops the catalog tiers of an overridden price', () => {
    const model = withOverrides.resolve('gemini-1.5-pro')!;
    assert.equal(model.input, 1);
    assert.equal(model.tiers?.input, undefined);
    assert.ok(model.tiers?.output);
  });
});

describe('Catalog.cheapestComparable', () => {
  it('returns up to three cheaper chat models of the same provider with a large enough window', () => {
    const model = catalog.resolve('claude-sonnet-4-5')!;
    const cheaper = catalog.cheapestComparable(model);
    assert.ok(cheaper.length > 0 && cheaper.length <= 3);
    const blended = (m: typeof model) => (3 * m.input! + m.output!) / 4;
    for (const candidate of cheaper) {
      assert.equal(candidate.provider, 'anthropic');
      assert.equal(candidate.kind, 'chat');
      assert.ok(candidate.contextWindow! >= model.contextWindow!);
      assert.ok(blended(candidate) < blended(model));
    }
    assert.deepEqual(
      cheaper.map(blended),
      [...cheaper.map(blended)].sort((a, b) => a - b),
    );
  });

  it('honours a smaller context need and other providers when asked', () => {
    const model = catalog.resolve('gpt-4o')!;
    const cheaper = catalog.cheapestComparable(model, 5, { minContextWindow: 8_000, anyProvider: true });
    assert.equal(cheaper.length, 5);
    assert.ok(cheaper.some((candidate) => candidate.provider !== 'openai'));
  });

  it('finds nothing cheaper than a free local model', () => {
    assert.deepEqual(catalog.cheapestComparable(catalog.resolve('ollama/x')!), []);
  });
});
