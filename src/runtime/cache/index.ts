/** The exact-match response cache: key, folder store and Redis store. */
export { cacheKey, type CacheKeyInput } from './cache-key';
export { FileCache } from './file-cache';
export { RedisCache, type RedisCacheOptions } from './redis-cache';
export { DEFAULT_CACHE_LIMITS, type CacheLimits, type CacheStats, type CachedAnswer, type ResponseCache } from './types';
