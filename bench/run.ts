import { printRows, type BenchRow } from './bench-row';

/**
 * `npm run bench`: every benchmark in one run, each section printed as it finishes. Sections are
 * separate modules so each can also run alone (`npx tsx bench/<name>.ts`).
 */
const SECTIONS: Array<[title: string, load: () => Promise<() => Promise<BenchRow[]>>]> = [
  ['Workspace scan (2,000 generated files)', async () => (await import('./scan')).benchScan],
  ['Extraction: parse, incremental re-parse, extract', async () => (await import('./extract')).benchExtract],
  ['lint (2,000 generated files, from process start)', async () => (await import('./lint')).benchLint],
  ['Playground memory (1,000 runs)', async () => (await import('./playground-memory')).benchPlaygroundMemory],
  ['Tokenizers', async () => (await import('./tokenizers')).benchTokenizers],
  ['Optimizer pipeline', async () => (await import('./pipeline')).benchPipeline],
  ['Language server and extension', async () => (await import('./lsp')).benchLsp],
];

async function main() {
  const only = process.argv.slice(2);
  for (const [title, load] of SECTIONS) {
    if (only.length > 0 && !only.some((o) => title.toLowerCase().includes(o.toLowerCase()))) continue;
    const run = await load();
    printRows(title, await run());
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
