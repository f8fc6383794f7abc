/**
 * The Redis store against a real redis-server (Debian's package, installed by
 * scripts/ensure-redis.sh when missing), started on a free loopback port and stopped after.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { RedisCache } from '../../../src/runtime/cache/redis-cache';
import type { CachedAnswer } from '../../../src/runtime/cache/types';
import { closedPort, tempDir } from './helpers';

const answer = (text: string, createdAt = Date.now()): CachedAnswer => ({
  text,
  usage: { inputTokens: 3, outputTokens: 2, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reported: true },
  finishReason: 'stop',
  model: 'openai/gpt-4o-mini',
  costUsd: 0.25,
  createdAt,
});

describe('RedisCache against redis-server', function () {
  this.timeout(180_000);
  let server: ChildProcess;
  let dir: string;
  let url: string;

  before(async () => {
    execFileSync('bash', [path.join(__dirname, '../../../scripts/ensure-redis.sh')], { stdio: 'inherit' });
    dir = tempDir('redis');
    const port = await closedPort();
    url = `redis://127.0.0.1:${port}`;
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    await waitForPort(port);
  });
  after(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores, answers and shares hit counts between clients', async () => {
    const one = await RedisCache.connect({ url, prefix: 'test1' });
    const two = await RedisCache.connect({ url, prefix: 'test1' });
    try {
      assert.equal(await one.get('k'), undefined);
      await one.set('k', answer('stored'));
      assert.equal((await two.get('k'))?.text, 'stored');
      assert.deepEqual(await one.stats(), { entries: 1, hits: 1, misses: 1, savedUsd: 0.25 });
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('sets the TTL on each entry', async () => {
    const cache = await RedisCache.connect({ url, prefix: 'test2', limits: { ttlMs: 60_000 } });
    try {
      await cache.set('k', answer('x'));
      const ttl = Number(execFileSync('redis-cli', ['-u', url, 'PTTL', 'test2:r:k']).toString());
      assert.ok(ttl > 0 && ttl <= 60_000, `PTTL ${ttl}`);
    } finally {
      await cache.close();
    }
  });

  it('holds to the entry cap, oldest first', async () => {
    const cache = await RedisCache.connect({ url, prefix: 'test3', limits: { maxEntries: 2 } });
    try {
      await cache.set('a', answer('1', 1));
      await cache.set('b', answer('2', 2));
      await cache.set('c', answer('3', 3));
      assert.equal(await cache.get('a'), undefined);
      assert.equal((await cache.get('c'))?.text, '3');
      assert.equal((await cache.stats()).entries, 2);
    } finally {
      await cache.close();
    }
  });

  it('says which server it could not reach, without the password', async () => {
    const port = await closedPort();
    await assert.rejects(RedisCache.connect({ url: `redis://:s3cret-pass@127.0.0.1:${port}`, connectTimeoutMs: 2000 }), (error: Error) => {
      assert.match(error.message, new RegExp(`Cannot reach the Redis cache at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}`));
      assert.ok(!error.message.includes('s3cret-pass'));
      return true;
    });
  });
});

/** Resolves once something accepts connections on the port (the server has started). */
async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`redis-server did not start on port ${port}`);
}
