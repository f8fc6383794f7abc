/**
 * The cache key: SHA-256 over provider, model, messages and every parameter that changes the
 * answer. Parameters are written with sorted keys so the same call always hashes the same.
 */
import { createHash } from 'node:crypto';
import type { ChatMessage } from '../providers/types';

export interface CacheKeyInput {
  provider: string;
  model: string;
  messages: readonly ChatMessage[];
  params: Readonly<Record<string, string | number | boolean | undefined>>;
}

export function cacheKey(input: CacheKeyInput): string {
  const params = Object.keys(input.params)
    .filter((k) => input.params[k] !== undefined)
    .sort()
    .map((k) => [k, input.params[k]]);
  const canonical = JSON.stringify([1, input.provider, input.model, input.messages.map((m) => [m.role, m.content]), params]);
  return createHash('sha256').update(canonical).digest('hex');
}
