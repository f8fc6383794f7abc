/** One line of the cost ledger: what one call really spent, and what the optimizer saved on it. */

export type Outcome = 'ok' | 'error' | 'cancelled';

/** Dollars saved per strategy, against the same call without that step. */
export interface Savings {
  cache: number;
  routing: number;
  compression: number;
  trimming: number;
  batching: number;
}

export const SAVING_KINDS: ReadonlyArray<keyof Savings> = ['cache', 'routing', 'compression', 'trimming', 'batching'];

export interface LedgerRecord {
  v: 1;
  /** ISO 8601. */
  time: string;
  /** The prompt's place in code, when the call was launched from it. */
  source?: { file: string; line?: number };
  provider: string;
  /** The model that answered (or was asked, for a failure). */
  model: string;
  /** The model the caller asked for, when routing or fallback changed it. */
  requestedModel?: string;
  tokens: { input: number; output: number; cachedInput: number; cacheWrite: number; reasoning: number };
  /** True when the provider reported no usage and the tokens were counted. */
  estimated: boolean;
  /** Null when the model has no known price. Zero for an answer served from the cache. */
  costUsd: number | null;
  cached: boolean;
  batch: boolean;
  latencyMs: number;
  outcome: Outcome;
  /** The error's kind (`rate-limited`, `bad-key`, ...) for a failed call. */
  error?: string;
  savings: Savings;
  /** Set when a fallback model answered: which model failed, and why. */
  fallback?: { from: string; reason: string };
  /** `summary` for the trimming step's own call. */
  purpose?: 'answer' | 'summary';
}

export function noSavings(): Savings {
  return { cache: 0, routing: 0, compression: 0, trimming: 0, batching: 0 };
}

/** True for a value that has every field a summary reads; lines that fail are skipped, not trusted. */
export function isLedgerRecord(value: unknown): value is LedgerRecord {
  const r = value as LedgerRecord | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.v === 1 &&
    typeof r.time === 'string' &&
    !Number.isNaN(Date.parse(r.time)) &&
    typeof r.provider === 'string' &&
    typeof r.model === 'string' &&
    typeof r.tokens === 'object' &&
    r.tokens !== null &&
    typeof r.tokens.input === 'number' &&
    typeof r.tokens.output === 'number' &&
    (r.costUsd === null || typeof r.costUsd === 'number') &&
    typeof r.cached === 'boolean' &&
    typeof r.batch === 'boolean' &&
    typeof r.savings === 'object' &&
    r.savings !== null
  );
}
