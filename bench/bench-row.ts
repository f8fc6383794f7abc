/** One measured figure, as every bench module returns them and bench/run.ts prints them. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The goal or the context the figure is read against. */
  note?: string;
}

/** Median and p95 of a list of samples (milliseconds or any unit). */
export function percentiles(samples: readonly number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

export function printRows(title: string, rows: readonly BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(`\n${title}`);
  for (const row of rows) {
    const value = row.value >= 100 ? row.value.toFixed(0) : row.value >= 1 ? row.value.toFixed(2) : row.value.toPrecision(3);
    console.log(`  ${row.name.padEnd(width)}  ${value.padStart(10)} ${row.unit}${row.note ? `   (${row.note})` : ''}`);
  }
}

/**
 * Runs one section from the command line (`npx tsx bench/<name>.ts`): prints its rows and exits,
 * non-zero on failure. The exit is explicit because a section may leave a server or socket open.
 */
export function runStandalone(title: string, bench: () => Promise<BenchRow[]>): void {
  bench().then(
    (rows) => {
      printRows(title, rows);
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
