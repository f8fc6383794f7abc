/**
 * A bounded least-recently-used map. A Map keeps insertion order, so re-inserting on read moves
 * an entry to the young end and the first key is always the oldest.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LRU capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * `fn` with its results kept in a bounded LRU by a string key: for pure, costly functions of
 * text (compression, classification) that the editor calls again on every keystroke.
 */
export function memoize<A extends unknown[], R>(fn: (...args: A) => R, key: (...args: A) => string, capacity = 2_000): (...args: A) => R {
  const cache = new LruCache<string, { value: R }>(capacity);
  return (...args: A) => {
    const k = key(...args);
    const hit = cache.get(k);
    if (hit) return hit.value;
    const value = fn(...args);
    cache.set(k, { value });
    return value;
  };
}
