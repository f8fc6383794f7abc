/** CSV exports of the ledger (RFC 4180 quoting), for spreadsheets: the records, or a summary. */
import type { LedgerRecord } from './record';
import type { LedgerSummary, Totals } from './summary';

const RECORD_COLUMNS = [
  'time', 'source_file', 'source_line', 'provider', 'model', 'requested_model', 'input_tokens', 'output_tokens', 'cached_input_tokens',
  'cache_write_tokens', 'reasoning_tokens', 'estimated', 'cost_usd', 'cached', 'batch', 'latency_ms', 'outcome', 'error',
  'saved_cache_usd', 'saved_routing_usd', 'saved_compression_usd', 'saved_trimming_usd', 'saved_batching_usd', 'fallback_from',
] as const;

export function recordsToCsv(records: readonly LedgerRecord[]): string {
  const rows = records.map((r) => [
    r.time, r.source?.file, r.source?.line, r.provider, r.model, r.requestedModel, r.tokens.input, r.tokens.output, r.tokens.cachedInput,
    r.tokens.cacheWrite, r.tokens.reasoning, r.estimated, r.costUsd, r.cached, r.batch, r.latencyMs, r.outcome, r.error,
    r.savings.cache, r.savings.routing, r.savings.compression, r.savings.trimming, r.savings.batching, r.fallback?.from,
  ]);
  return toCsv([[...RECORD_COLUMNS], ...rows]);
}

/** One row per figure group: today, month, all, each model, each provider; then one row per saving. */
export function summaryToCsv(summary: LedgerSummary): string {
  const header = ['group', 'name', 'calls', 'errors', 'cache_hits', 'batch_calls', 'input_tokens', 'output_tokens', 'cached_input_tokens', 'cost_usd', 'unpriced_calls'];
  const row = (group: string, name: string, t: Totals) => [group, name, t.calls, t.errors, t.cacheHits, t.batchCalls, t.inputTokens, t.outputTokens, t.cachedInputTokens, t.costUsd, t.unpriced];
  const rows: unknown[][] = [
    header,
    row('period', 'today', summary.today),
    row('period', 'month', summary.month),
    row('period', 'all', summary.all),
    ...summary.byModel.map((g) => row('model', g.name, g)),
    ...summary.byProvider.map((g) => row('provider', g.name, g)),
  ];
  const savings = [['saving', 'strategy', 'saved_usd'], ...(['cache', 'routing', 'compression', 'trimming', 'batching', 'total'] as const).map((k) => ['saving', k, summary.savings[k]])];
  return `${toCsv(rows)}\n${toCsv(savings)}`;
}

function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
