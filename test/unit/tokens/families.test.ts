import assert from 'node:assert/strict';
import { familyForModel, isTokenizerFamily, type TokenizerFamily } from '../../../src/core/tokens';

const TABLE: ReadonlyArray<readonly [string, TokenizerFamily | undefined]> = [
  ['gpt-4o', 'o200k_base'],
  ['gpt-4o-mini-2024-07-18', 'o200k_base'],
  ['gpt-4.1-mini', 'o200k_base'],
  ['gpt-5', 'o200k_base'],
  ['o1', 'o200k_base'],
  ['o3-mini', 'o200k_base'],
  ['o4-mini', 'o200k_base'],
  ['chatgpt-4o-latest', 'o200k_base'],
  ['ft:gpt-4o-mini:acme::abc', 'o200k_base'],
  ['gpt-4', 'cl100k_base'],
  ['gpt-4-turbo', 'cl100k_base'],
  ['gpt-4-0613', 'cl100k_base'],
  ['gpt-3.5-turbo', 'cl100k_base'],
  ['gpt-35-turbo', 'cl100k_base'],
  ['text-embedding-3-small', 'cl100k_base'],
  ['claude-3-5-sonnet-20241022', 'claude-legacy'],
  ['claude-3-haiku', 'claude-legacy'],
  ['claude-sonnet-4-5', 'claude-legacy'],
  ['claude-opus-4-1', 'claude-legacy'],
  ['anthropic.claude-3-haiku-20240307-v1:0', 'claude-legacy'],
  ['claude-sonnet-4-6', 'claude-2025'],
  ['claude-haiku-4-5-20251001', 'claude-2025'],
  ['claude-opus-4-6', 'claude-2025'],
  ['claude-opus-4-7', 'claude-opus-4.7'],
  ['us.anthropic.claude-opus-4-7', 'claude-opus-4.7'],
  ['claude-sonnet-5', 'claude-opus-4.7'],
  ['gemini-2.5-flash', 'gemini'],
  ['gemma-3', 'gemini'],
  ['llama-3.1-8b-instant', 'llama'],
  ['meta.llama3-1-8b-instruct-v1:0', 'llama'],
  ['mistral-large-latest', 'mistral'],
  ['codestral-2508', 'mistral'],
  ['deepseek-chat', 'deepseek'],
  ['qwen2.5:7b', 'qwen'],
  ['grok-4', undefined],
  ['command-r-plus', undefined],
];

describe('tokenizer family of a model', () => {
  for (const [model, family] of TABLE) {
    it(`${model} -> ${family ?? 'unknown'}`, () => assert.equal(familyForModel(model), family));
  }

  it('recognises family names (for overrides)', () => {
    assert.equal(isTokenizerFamily('o200k_base'), true);
    assert.equal(isTokenizerFamily('claude-opus-4.7'), true);
    assert.equal(isTokenizerFamily('o300k'), false);
    assert.equal(isTokenizerFamily(3), false);
  });
});
