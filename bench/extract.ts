/**
 * Extraction figures (issue 3): parse time and extraction time, each the median of 10 runs after
 * 2 warm-ups, on the 5,000-line files the LSP bench edits and on about 1 MB of ordinary code per
 * language. Extraction is timed over a tree parsed beforehand, as the server runs it.
 * `npx tsx bench/extract.ts`.
 */
import type { SourceLanguage } from '../src/core/extract/model';
import { analyzeTree } from '../src/core/extract/index';
import { defaultGrammars } from '../src/runtime/scan';
import { type BenchRow, percentiles, printRows } from './bench-row';
import { largeJavaScriptFile, largePythonFile, pythonFile, typescriptFile } from './sample-files';

const WARM_UPS = 2;
const RUNS = 10;

/** Median milliseconds of `run` over RUNS runs after WARM_UPS. */
function median(run: () => void): number {
  for (let i = 0; i < WARM_UPS; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return percentiles(samples).p50;
}

async function measure(label: string, language: SourceLanguage, text: string): Promise<BenchRow[]> {
  const parser = await defaultGrammars().parser(language);
  const parseMs = median(() => parser.parse(text)?.delete());
  const tree = parser.parse(text);
  if (!tree) throw new Error(`${label} did not parse`);
  try {
    let found = { prompts: 0, calls: 0 };
    const extractMs = median(() => {
      const analysis = analyzeTree(tree, text, language);
      found = { prompts: analysis.prompts.length, calls: analysis.calls.length };
    });
    const size = `${text.split('\n').length.toLocaleString('en-US')} lines, ${(text.length / 1e6).toFixed(2)} MB`;
    return [
      { name: `parse, ${label} (${size})`, value: parseMs, unit: 'ms' },
      { name: `extract, ${label}`, value: extractMs, unit: 'ms', note: `goal ≤ 20 ms on the 5,000-line files; ${found.prompts} prompts, ${found.calls} calls` },
    ];
  } finally {
    tree.delete();
  }
}

export async function benchExtract(): Promise<BenchRow[]> {
  return [
    ...(await measure('generated.py', 'python', pythonFile())),
    ...(await measure('generated.ts', 'typescript', typescriptFile())),
    ...(await measure('1 MB of Python (fixtures)', 'python', largePythonFile())),
    ...(await measure('1 MB of JavaScript (typescript.js)', 'javascript', largeJavaScriptFile())),
  ];
}

if (require.main === module) {
  benchExtract().then(
    (rows) => printRows('Extraction', rows),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
