/** The ledger summarised: today, this month, by model and provider, and savings per strategy. */
import { noSavings, SAVING_KINDS, type LedgerRecord, type Savings } from './record';

export interface Totals {
  calls: number;
  errors: number;
  cacheHits: number;
  batchCalls: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costUsd: number;
  /** Calls whose model has no price: their cost is unknown, not zero. */
  unpriced: number;
}

export interface GroupTotals extends Totals {
  name: string;
}

export interface LedgerSummary {
  /** Records counted (after `since`). */
  range: { since?: string; first?: string; last?: string };
  all: Totals;
  today: Totals;
  month: Totals;
  byModel: GroupTotals[];
  byProvider: GroupTotals[];
  savings: Savings & { total: number };
}

export interface SummaryOptions {
  now?: Date;
  /** Only records at or after this moment. */
  since?: Date;
}

export function summarizeLedger(records: readonly LedgerRecord[], options: SummaryOptions = {}): LedgerSummary {
  const now = options.now ?? new Date();
  const dayStart = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const monthStart = new Date(now.getFullYear(), now.getMonth(), 1).getTime();
  const since = options.since?.getTime() ?? -Infinity;
  const all = emptyTotals();
  const today = emptyTotals();
  const month = emptyTotals();
  const byModel = new Map<string, Totals>();
  const byProvider = new Map<string, Totals>();
  const savings = noSavings();
  let first: string | undefined;
  let last: string | undefined;
  for (const record of records) {
    const time = Date.parse(record.time);
    if (time < since) continue;
    if (!first || record.time < first) first = record.time;
    if (!last || record.time > last) last = record.time;
    add(all, record);
    if (time >= dayStart) add(today, record);
    if (time >= monthStart) add(month, record);
    add(group(byModel, record.model), record);
    add(group(byProvider, record.provider), record);
    for (const kind of SAVING_KINDS) savings[kind] += record.savings[kind] ?? 0;
  }
  return {
    range: { since: options.since?.toISOString(), first, last },
    all,
    today,
    month,
    byModel: sorted(byModel),
    byProvider: sorted(byProvider),
    savings: { ...savings, total: SAVING_KINDS.reduce((sum, kind) => sum + savings[kind], 0) },
  };
}

function emptyTotals(): Totals {
  return { calls: 0, errors: 0, cacheHits: 0, batchCalls: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, costUsd: 0, unpriced: 0 };
}

function add(totals: Totals, record: LedgerRecord): void {
  totals.calls++;
  if (record.outcome !== 'ok') totals.errors++;
  if (record.cached) totals.cacheHits++;
  if (record.batch) totals.batchCalls++;
  totals.inputTokens += record.tokens.input;
  totals.outputTokens += record.tokens.output;
  totals.cachedInputTokens += record.tokens.cachedInput ?? 0;
  if (record.costUsd === null) totals.unpriced++;
  else totals.costUsd += record.costUsd;
}

function group(map: Map<string, Totals>, name: string): Totals {
  let totals = map.get(name);
  if (!totals) {
    totals = emptyTotals();
    map.set(name, totals);
  }
  return totals;
}

/** Most expensive first, then by name. */
function sorted(map: Map<string, Totals>): GroupTotals[] {
  return [...map].map(([name, totals]) => ({ name, ...totals })).sort((a, b) => b.costUsd - a.costUsd || a.name.localeCompare(b.name));
}
