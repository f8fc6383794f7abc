/**
 * The response cache in Redis, for a team sharing one: each answer under its own key with a TTL
 * (PX), a sorted set of keys by time to hold the entry cap (oldest trimmed first), and a hash of
 * hit, miss and saving counts shared by everyone using the server. The byte cap is the server's
 * own `maxmemory` policy.
 */
import { createClient, type RedisClientType } from '@redis/client';
import { scrub } from '../secrets';
import { DEFAULT_CACHE_LIMITS, isCachedAnswer, type CacheLimits, type CacheStats, type CachedAnswer, type ResponseCache } from './types';

type Client = RedisClientType;

export interface RedisCacheOptions {
  url: string;
  limits?: Partial<CacheLimits>;
  /** Key prefix, so several tools or teams can share a server. */
  prefix?: string;
  /** Milliseconds to wait for the connection. */
  connectTimeoutMs?: number;
}

export class RedisCache implements ResponseCache {
  private constructor(
    private readonly client: Client,
    private readonly limits: CacheLimits,
    private readonly prefix: string,
  ) {}

  /** Connects, or throws with the URL's password removed from the message. */
  static async connect(options: RedisCacheOptions): Promise<RedisCache> {
    const client: Client = createClient({ url: options.url, socket: { connectTimeout: options.connectTimeoutMs ?? 5000, reconnectStrategy: false } });
    let lastError: Error | undefined;
    // Without a listener an 'error' event would end the process; failures surface through the commands.
    client.on('error', (error: Error) => {
      lastError = error;
    });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(`Cannot reach the Redis cache at ${redactUrl(options.url)}: ${scrub((lastError ?? (error as Error)).message)}`);
    }
    return new RedisCache(client, { ...DEFAULT_CACHE_LIMITS, ...options.limits }, options.prefix ?? 'promptcost:cache');
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const raw = await this.client.get(this.entryKey(key));
    const answer = raw ? parse(raw) : undefined;
    if (!answer) {
      await this.client.multi().hIncrBy(this.statsKey, 'misses', 1).zRem(this.indexKey, key).exec();
      return undefined;
    }
    await this.client.multi().hIncrBy(this.statsKey, 'hits', 1).hIncrByFloat(this.statsKey, 'savedUsd', answer.costUsd ?? 0).exec();
    return answer;
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    await this.client
      .multi()
      .set(this.entryKey(key), JSON.stringify(answer), { expiration: { type: 'PX', value: Math.max(1, Math.round(this.limits.ttlMs)) } })
      .zAdd(this.indexKey, { score: answer.createdAt, value: key })
      .exec();
    const count = await this.client.zCard(this.indexKey);
    if (count > this.limits.maxEntries) {
      const oldest = await this.client.zPopMinCount(this.indexKey, count - this.limits.maxEntries);
      if (oldest.length > 0) await this.client.del(oldest.map((item) => this.entryKey(item.value)));
    }
  }

  async stats(): Promise<CacheStats> {
    const [entries, stats] = await Promise.all([this.client.zCard(this.indexKey), this.client.hGetAll(this.statsKey)]);
    return { entries, hits: Number(stats.hits ?? 0), misses: Number(stats.misses ?? 0), savedUsd: Number(stats.savedUsd ?? 0) };
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }

  private entryKey(key: string): string {
    return `${this.prefix}:r:${key}`;
  }

  private get indexKey(): string {
    return `${this.prefix}:index`;
  }

  private get statsKey(): string {
    return `${this.prefix}:stats`;
  }
}

function parse(raw: string): CachedAnswer | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return isCachedAnswer(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
