/** The cost ledger: records, the append-only file, summaries and CSV. */
export { cliDataDir, LEDGER_FILE, CACHE_DIR } from './data-dir';
export { recordsToCsv, summaryToCsv } from './csv';
export { LedgerWriter, readLedger, type LedgerContents } from './ledger-file';
export { isLedgerRecord, noSavings, SAVING_KINDS, type LedgerRecord, type Outcome, type Savings } from './record';
export { summarizeLedger, type GroupTotals, type LedgerSummary, type SummaryOptions, type Totals } from './summary';
