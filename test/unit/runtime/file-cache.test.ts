import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheKey } from '../../../src/runtime/cache/cache-key';
import { FileCache } from '../../../src/runtime/cache/file-cache';
import type { CachedAnswer } from '../../../src/runtime/cache/types';
import { tempDir } from './helpers';

function answer(text: string, createdAt = 1_000, costUsd = 0.5): CachedAnswer {
  return { text, usage: { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reported: true }, finishReason: 'stop', model: 'openai/gpt-4o-mini', costUsd, createdAt };
}

describe('cache key', () => {
  const base = { provider: 'openai', model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }], params: { maxOutputTokens: 10, temperature: 0 } };

  it('is the same for the same call whatever the order of parameters', () => {
    assert.equal(cacheKey(base), cacheKey({ ...base, params: { temperature: 0, maxOutputTokens: 10, unset: undefined } }));
  });

  it('changes with the provider, the model, a message, a role or a parameter', () => {
    const keys = new Set([
      cacheKey(base),
      cacheKey({ ...base, provider: 'openrouter' }),
      cacheKey({ ...base, model: 'gpt-4o' }),
      cacheKey({ ...base, messages: [{ role: 'user', content: 'hi!' }] }),
      cacheKey({ ...base, messages: [{ role: 'system', content: 'hi' }] }),
      cacheKey({ ...base, params: { maxOutputTokens: 11, temperature: 0 } }),
    ]);
    assert.equal(keys.size, 6);
  });
});

describe('FileCache', () => {
  let dir: string;
  let clock: number;
  const now = () => clock;
  beforeEach(() => {
    dir = tempDir('cache');
    clock = 1_000;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers a hit, counts hits, misses and the dollars saved', async () => {
    const cache = FileCache.open(dir, {}, now);
    assert.equal(await cache.get('a'), undefined);
    await cache.set('a', answer('one'));
    assert.equal((await cache.get('a'))?.text, 'one');
    assert.deepEqual(await cache.stats(), { entries: 1, hits: 1, misses: 1, savedUsd: 0.5 });
    await cache.close();
  });

  it('survives a restart', async () => {
    const first = FileCache.open(dir, {}, now);
    await first.set('a', answer('one'));
    await first.set('b', answer('two'));
    await first.set('a', answer('one again'));
    await first.close();
    const second = FileCache.open(dir, {}, now);
    assert.equal((await second.get('a'))?.text, 'one again');
    assert.equal((await second.get('b'))?.text, 'two');
    assert.equal((await second.stats()).entries, 2);
    await second.close();
  });

  it('misses and drops entries older than the TTL, also after a restart', async () => {
    const cache = FileCache.open(dir, { ttlMs: 100 }, now);
    await cache.set('a', answer('one', clock));
    clock += 101;
    assert.equal(await cache.get('a'), undefined);
    await cache.set('b', answer('two', 0));
    await cache.close();
    const reopened = FileCache.open(dir, { ttlMs: 100 }, now);
    assert.equal((await reopened.stats()).entries, 0);
    await reopened.close();
  });

  it('evicts the least recently used entry at the entry cap', async () => {
    const cache = FileCache.open(dir, { maxEntries: 2 }, now);
    await cache.set('a', answer('one'));
    await cache.set('b', answer('two'));
    await cache.get('a');
    await cache.set('c', answer('three'));
    assert.equal(await cache.get('b'), undefined);
    assert.equal((await cache.get('a'))?.text, 'one');
    assert.equal((await cache.get('c'))?.text, 'three');
    await cache.close();
  });

  it('holds to the byte cap, and so does a reopened cache', async () => {
    const big = 'x'.repeat(1000);
    const cache = FileCache.open(dir, { maxBytes: 5000 }, now);
    for (let i = 0; i < 20; i++) await cache.set(`k${i}`, answer(`${i}${big}`));
    const entries = (await cache.stats()).entries;
    assert.ok(entries >= 3 && entries <= 4, `${entries} entries`);
    assert.equal((await cache.get('k19'))?.text.startsWith('19'), true);
    await cache.close();
    const reopened = FileCache.open(dir, { maxBytes: 5000 }, now);
    assert.equal((await reopened.stats()).entries, entries);
    await reopened.close();
  });

  it('skips a torn last line and keeps appending whole lines after it', async () => {
    const cache = FileCache.open(dir, {}, now);
    await cache.set('a', answer('one'));
    await cache.close();
    fs.appendFileSync(path.join(dir, 'responses.jsonl'), '{"k":"b","v":{"text":"tw');
    const reopened = FileCache.open(dir, {}, now);
    assert.equal((await reopened.stats()).entries, 1);
    await reopened.set('c', answer('three'));
    await reopened.close();
    const third = FileCache.open(dir, {}, now);
    assert.equal((await third.get('a'))?.text, 'one');
    assert.equal((await third.get('c'))?.text, 'three');
    await third.close();
  });

  it('rewrites a log grown past twice its live size and loses no live entry', async () => {
    const text = 'y'.repeat(20_000);
    const cache = FileCache.open(dir, {}, now);
    for (let i = 0; i < 120; i++) await cache.set(`k${i % 10}`, answer(`${i}:${text}`));
    const size = fs.statSync(path.join(dir, 'responses.jsonl')).size;
    assert.ok(size < 120 * 20_000, `the log was rewritten (${size} bytes)`);
    await cache.close();
    const reopened = FileCache.open(dir, {}, now);
    for (let i = 0; i < 10; i++) assert.equal((await reopened.get(`k${i}`))?.text.split(':')[0], String(110 + i));
    await reopened.close();
  });
});
