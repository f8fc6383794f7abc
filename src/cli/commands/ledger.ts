import * as path from 'node:path';
import { cliDataDir, LEDGER_FILE, readLedger, recordsToCsv, summarizeLedger, summaryToCsv, type LedgerSummary, type Totals } from '../../runtime/ledger';
import { UsageError, type Command } from '../command';
import { dollars, oneOf } from './run';

export const ledgerCommand: Command = {
  name: 'ledger',
  summary: 'Summarise what the calls made through PromptCost really cost, and what the optimizer saved',
  usage: [
    'Usage: promptcost ledger [--since DATE] [--format text|json|csv] [--records] [--file FILE]',
    '',
    'Reads the ledger that `promptcost run` and `promptcost batch` append to, and prints spend today and',
    'this month, by model and by provider, and the savings of the cache, routing, compression, trimming',
    'and batching.',
    '',
    'Options:',
    '  --since DATE           only calls from this day (YYYY-MM-DD, local time) or moment (ISO 8601) on',
    '  --format text|json|csv readable tables (default), the summary as JSON, or as CSV rows',
    '  --records              with csv or json: one row per call instead of the summary',
    '  --file FILE            the ledger to read (default: ledger.jsonl in PROMPTCOST_HOME, else ~/.local/share/promptcost)',
  ].join('\n'),
  options: {
    since: { type: 'string' },
    format: { type: 'string', default: 'text' },
    records: { type: 'boolean', default: false },
    file: { type: 'string' },
  },
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'.`);
    const format = oneOf(values.format, ['text', 'json', 'csv'], '--format');
    const since = values.since === undefined ? undefined : parseSince(String(values.since));
    const file = values.file ? path.resolve(io.cwd, String(values.file)) : path.join(cliDataDir(io.env), LEDGER_FILE);
    const { records, skipped } = readLedger(file);
    const kept = since ? records.filter((r) => Date.parse(r.time) >= since.getTime()) : records;
    if (skipped > 0) io.stderr(`${file}: skipped ${skipped} line${skipped === 1 ? '' : 's'} that were not whole records.\n`);
    if (values.records) {
      if (format === 'text') throw new UsageError('--records needs --format csv or json.');
      io.stdout(format === 'csv' ? recordsToCsv(kept) : `${JSON.stringify(kept, null, 2)}\n`);
      return 0;
    }
    const summary = summarizeLedger(kept, { since });
    if (format === 'json') io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else if (format === 'csv') io.stdout(summaryToCsv(summary));
    else io.stdout(formatText(summary, file));
    return 0;
  },
};

/** A day (YYYY-MM-DD, from local midnight) or any moment Date.parse reads. */
function parseSince(text: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--since must be a date (YYYY-MM-DD) or an ISO 8601 moment, not '${text}'.`);
  return date;
}

function formatText(summary: LedgerSummary, file: string): string {
  if (summary.all.calls === 0) return `No calls in the ledger${summary.range.since ? ` since ${summary.range.since}` : ''} (${file}).\n`;
  const lines = [`Ledger ${file}: ${summary.all.calls} calls, ${summary.range.first?.slice(0, 10)} to ${summary.range.last?.slice(0, 10)}`, ''];
  const rows: Array<[string, Totals]> = [
    ['today', summary.today],
    ['this month', summary.month],
    [summary.range.since ? 'since' : 'all', summary.all],
  ];
  lines.push(...table(rows));
  lines.push('', 'By model');
  lines.push(...table(summary.byModel.map((g) => [g.name, g])));
  lines.push('', 'By provider');
  lines.push(...table(summary.byProvider.map((g) => [g.name, g])));
  const s = summary.savings;
  lines.push(
    '',
    `Saved $${dollars(s.total)}: cache $${dollars(s.cache)}, routing $${dollars(s.routing)}, compression $${dollars(s.compression)}, trimming $${dollars(s.trimming)}, batching $${dollars(s.batching)}`,
    '',
  );
  return lines.join('\n');
}

function table(rows: ReadonlyArray<[string, Totals]>): string[] {
  const width = Math.max(10, ...rows.map(([name]) => name.length));
  return rows.map(([name, t]) => {
    const extras = [t.cacheHits ? `${t.cacheHits} cached` : '', t.batchCalls ? `${t.batchCalls} batch` : '', t.errors ? `${t.errors} failed` : '', t.unpriced ? `${t.unpriced} unpriced` : '']
      .filter(Boolean)
      .join(', ');
    return `  ${name.padEnd(width)}  ${String(t.calls).padStart(6)} calls  ${`$${dollars(t.costUsd)}`.padStart(12)}  ${t.inputTokens.toLocaleString('en-US').padStart(10)} in  ${t.outputTokens.toLocaleString('en-US').padStart(9)} out${extras ? `  (${extras})` : ''}`;
  });
}
