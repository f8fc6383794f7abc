/**
 * Extraction figures (issue 3): parse time and extraction time, each the median of 10 runs after
 * 2 warm-ups, on the 5,000-line files the LSP bench edits and on about 1 MB of ordinary code per
 * language. Extraction is timed over a tree parsed beforehand, as the server runs it.
 * `npx tsx bench/extract.ts`.
 */
import type { SourceLanguage } from '../src/core/extract/model';
import { Edit, type Parser } from 'web-tree-sitter';
import { analyzeTree } from '../src/core/extract/index';
import { defaultGrammars } from '../src/runtime/scan';
import { type BenchRow, percentiles, runStandalone } from './bench-row';
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

/** Where an offset sits, as tree-sitter's row and column (UTF-16 units, like the offsets). */
function pointAt(text: string, offset: number): { row: number; column: number } {
  const before = text.slice(0, offset);
  return { row: before.split('\n').length - 1, column: offset - (before.lastIndexOf('\n') + 1) };
}

/** Re-parse after a one-character edit inside a prompt (type a letter, then delete it), as the editor does. */
function incrementalParse(label: string, parser: Parser, text: string): BenchRow {
  const at = text.indexOf('polite answer');
  let current = text;
  let tree = parser.parse(current);
  let typed = false;
  const ms = median(() => {
    const next = typed ? current.slice(0, at) + current.slice(at + 1) : current.slice(0, at) + 'x' + current.slice(at);
    const start = pointAt(current, at);
    const moved = { row: start.row, column: start.column + 1 };
    tree!.edit(new Edit({ startIndex: at, oldEndIndex: typed ? at + 1 : at, newEndIndex: typed ? at : at + 1, startPosition: start, oldEndPosition: typed ? moved : start, newEndPosition: typed ? start : moved }));
    const reparsed = parser.parse(next, tree);
    tree!.delete();
    tree = reparsed;
    current = next;
    typed = !typed;
  });
  tree?.delete();
  return { name: `incremental parse (one-character edit), ${label}`, value: ms, unit: 'ms' };
}

export async function benchExtract(): Promise<BenchRow[]> {
  return [
    ...(await measure('generated.py', 'python', pythonFile())),
    incrementalParse('generated.py', await defaultGrammars().parser('python'), pythonFile()),
    ...(await measure('generated.ts', 'typescript', typescriptFile())),
    ...(await measure('1 MB of Python (fixtures)', 'python', largePythonFile())),
    ...(await measure('1 MB of JavaScript (typescript.js)', 'javascript', largeJavaScriptFile())),
  ];
}

if (require.main === module) runStandalone('Extraction', benchExtract);
