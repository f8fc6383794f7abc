/**
 * The response cache in a folder: one append-only JSON Lines log, replayed into memory on open.
 * A set appends one whole line with a single write, so a crash or kill leaves every earlier entry
 * readable (a torn last line is skipped and fenced off with a newline before the next append).
 * The log is rewritten to its live entries through a temporary file and a rename when it has
 * grown to twice their size. Least recently used entries go first when a cap is reached; across
 * restarts the order is that of the log (least recently written).
 *
 * Several processes may share the folder: their appends interleave by whole lines. A rewrite by
 * one may drop entries another appended meanwhile, which costs only a later miss.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CACHE_LIMITS, isCachedAnswer, type CacheLimits, type CacheStats, type CachedAnswer, type ResponseCache } from './types';

const LOG = 'responses.jsonl';
/** A log smaller than this is never rewritten: not worth the I/O. */
const MIN_COMPACT_BYTES = 1024 * 1024;

interface Entry {
  answer: CachedAnswer;
  /** Bytes of its log line. */
  bytes: number;
}

export class FileCache implements ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private liveBytes = 0;
  private logBytes = 0;
  private fd: number | undefined;
  private hits = 0;
  private misses = 0;
  private savedUsd = 0;

  private constructor(
    readonly dir: string,
    private readonly limits: CacheLimits,
    private readonly now: () => number,
  ) {}

  /** Opens (or creates) the cache in `dir` and loads its entries. */
  static open(dir: string, limits: Partial<CacheLimits> = {}, now: () => number = Date.now): FileCache {
    const cache = new FileCache(dir, { ...DEFAULT_CACHE_LIMITS, ...limits }, now);
    fs.mkdirSync(dir, { recursive: true });
    cache.load();
    return cache;
  }

  get file(): string {
    return path.join(this.dir, LOG);
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    return this.getSync(key);
  }

  /** The synchronous lookup behind get(), for callers on a hot path. */
  getSync(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry || this.expired(entry.answer)) {
      if (entry) this.remove(key, entry);
      this.misses++;
      return undefined;
    }
    // Re-insert: a Map iterates in insertion order, so the front is least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    this.savedUsd += entry.answer.costUsd ?? 0;
    return entry.answer;
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    this.setSync(key, answer);
  }

  setSync(key: string, answer: CachedAnswer): void {
    const line = `${JSON.stringify({ k: key, v: answer })}\n`;
    const bytes = Buffer.byteLength(line);
    fs.writeSync(this.appendFd(), line);
    this.logBytes += bytes;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { answer, bytes });
    this.liveBytes += bytes;
    this.enforceCaps();
    if (this.logBytes > Math.max(MIN_COMPACT_BYTES, 2 * this.liveBytes)) this.compact();
  }

  async stats(): Promise<CacheStats> {
    return { entries: this.entries.size, hits: this.hits, misses: this.misses, savedUsd: this.savedUsd };
  }

  async close(): Promise<void> {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private load(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    this.logBytes = Buffer.byteLength(text);
    for (const line of text.split('\n')) {
      const record = parseLine(line);
      if (!record || this.expired(record.v)) continue;
      const old = this.entries.get(record.k);
      if (old) this.remove(record.k, old);
      const bytes = Buffer.byteLength(line) + 1;
      this.entries.set(record.k, { answer: record.v, bytes });
      this.liveBytes += bytes;
    }
    this.enforceCaps();
  }

  /** The log opened for appending, after fencing off a torn last line left by a crash. */
  private appendFd(): number {
    if (this.fd === undefined) {
      this.fd = fs.openSync(this.file, 'a');
      const size = fs.fstatSync(this.fd).size;
      if (size > 0 && !endsWithNewline(this.file, size)) {
        fs.writeSync(this.fd, '\n');
        this.logBytes += 1;
      }
    }
    return this.fd;
  }

  private enforceCaps(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.liveBytes <= this.limits.maxBytes) break;
      this.remove(key, entry);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.liveBytes -= entry.bytes;
  }

  private expired(answer: CachedAnswer): boolean {
    return this.now() - answer.createdAt > this.limits.ttlMs;
  }

  /** Rewrites the log to the live entries: a temporary file, then an atomic rename over the log. */
  private compact(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const lines: string[] = [];
    for (const [key, entry] of this.entries) if (!this.expired(entry.answer)) lines.push(JSON.stringify({ k: key, v: entry.answer }));
    const text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
    fs.writeFileSync(tmp, text);
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    fs.renameSync(tmp, this.file);
    this.logBytes = Buffer.byteLength(text);
  }
}

function parseLine(line: string): { k: string; v: CachedAnswer } | undefined {
  if (!line) return undefined;
  try {
    const record = JSON.parse(line) as { k?: unknown; v?: unknown };
    return typeof record.k === 'string' && isCachedAnswer(record.v) ? { k: record.k, v: record.v } : undefined;
  } catch {
    return undefined;
  }
}

function endsWithNewline(file: string, size: number): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}
