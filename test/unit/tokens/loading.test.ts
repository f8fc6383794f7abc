import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LruCache } from '../../../src/core/lru';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs `script` in a fresh Node process (with tsx) and returns the JSON it prints. */
function inFreshProcess(script: string): unknown {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

const LOADED_RANKS = "Object.keys(require.cache).filter((file) => file.includes('bpeRanks')).map((file) => path.basename(file))";

describe('rank data loading', () => {
  it('loads no rank file when the module is imported, and only the one used on first count', () => {
    const loaded = inFreshProcess(
      `const path = require('node:path'); const t = require('./src/core/tokens');
       const before = ${LOADED_RANKS}; t.countTokens('hi', 'o200k_base');
       console.log(JSON.stringify({ before, after: ${LOADED_RANKS} }));`,
    );
    assert.deepEqual(loaded, { before: [], after: ['o200k_base.js'] });
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.equal(cache.size, 2);
  });

  it('rejects a capacity below one', () => {
    assert.throws(() => new LruCache(0), RangeError);
  });
});
