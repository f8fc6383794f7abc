/** The response cache's contract, shared by the folder store and the Redis store. */
import type { FinishReason, TokenUsage } from '../providers/types';

/** A stored answer. Never holds a key or a header: only what the model said and what it cost. */
export interface CachedAnswer {
  text: string;
  usage: TokenUsage;
  finishReason: FinishReason;
  /** The model id that answered. */
  model: string;
  /** What the call cost when it was made; a hit saves this much. Null when the model has no price. */
  costUsd: number | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

export interface CacheLimits {
  /** Entries older than this are misses and are dropped. */
  ttlMs: number;
  maxEntries: number;
  /** Bytes of stored JSON (the folder store; Redis uses the server's own memory policy). */
  maxBytes: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = { ttlMs: 7 * 24 * 3600_000, maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 };

export interface CacheStats {
  entries: number;
  hits: number;
  misses: number;
  /** Dollars the hits saved: the recorded cost of each answer served from the cache. */
  savedUsd: number;
}

export interface ResponseCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer): Promise<void>;
  stats(): Promise<CacheStats>;
  close(): Promise<void>;
}

/** Checks a value read back from storage; anything else is treated as a miss. */
export function isCachedAnswer(value: unknown): value is CachedAnswer {
  const v = value as CachedAnswer | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.text === 'string' &&
    typeof v.model === 'string' &&
    typeof v.createdAt === 'number' &&
    (v.costUsd === null || typeof v.costUsd === 'number') &&
    typeof v.usage === 'object' &&
    v.usage !== null &&
    typeof v.usage.inputTokens === 'number' &&
    typeof v.usage.outputTokens === 'number'
  );
}
