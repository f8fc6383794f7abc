/**
 * Tokenizer throughput, side by side: gpt-tokenizer (what PromptCost ships), js-tiktoken and the
 * tiktoken WASM package, all on o200k_base and the same text. Measures one ~2 MB mixed text, 10,000
 * short strings and first-call start-up (module load + rank data + first encode, each in a fresh
 * Node process so no library finds another's work cached). Also checks that all three count the
 * corpus identically. Standalone: npx tsx bench/tokenizers.ts
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTokenCountCache, countTokens } from '../src/core/tokens';
import { type BenchRow, runStandalone } from './bench-row';

const ROOT = path.resolve(__dirname, '..');
const PROMPTS_CSV = '/work/shared/data/awesome-chatgpt-prompts/prompts.csv';
const TARGET_BYTES = 2 * 1024 * 1024;
const SHORT_STRINGS = 10_000;
const RUNS = 3;

type Counter = (text: string) => number;

interface Library {
  name: string;
  /** Module load + encoder construction, then returns the counter. */
  load: () => Counter;
  /** The same, as a script for a fresh process; prints the milliseconds to the first count. */
  startScript: string;
}

const NO_SPECIAL = '{ allowedSpecial: new Set(), disallowedSpecial: new Set() }';

const LIBRARIES: Library[] = [
  {
    name: 'gpt-tokenizer',
    load: () => {
      const encoding = require('gpt-tokenizer/cjs/encoding/o200k_base') as typeof import('gpt-tokenizer/cjs/encoding/o200k_base');
      const options = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };
      return (text) => encoding.countTokens(text, options);
    },
    startScript: `const t0 = performance.now(); const e = require('gpt-tokenizer/cjs/encoding/o200k_base'); e.countTokens('hello world', ${NO_SPECIAL}); console.log(performance.now() - t0);`,
  },
  {
    name: 'js-tiktoken',
    load: () => {
      const encoder = (require('js-tiktoken') as typeof import('js-tiktoken')).getEncoding('o200k_base');
      return (text) => encoder.encode(text, [], []).length;
    },
    startScript: `const t0 = performance.now(); const e = require('js-tiktoken').getEncoding('o200k_base'); e.encode('hello world', [], []); console.log(performance.now() - t0);`,
  },
  {
    name: 'tiktoken (WASM)',
    load: () => {
      const encoder = (require('tiktoken') as typeof import('tiktoken')).get_encoding('o200k_base');
      return (text) => encoder.encode(text, [], []).length;
    },
    startScript: `const t0 = performance.now(); const e = require('tiktoken').get_encoding('o200k_base'); e.encode('hello world', [], []); console.log(performance.now() - t0);`,
  },
];

/** ~2 MB: the prompts CSV, TypeScript's localized diagnostics (CJK, Cyrillic) and TypeScript declaration files. */
export function largeCorpus(): string {
  const lib = path.join(ROOT, 'node_modules', 'typescript', 'lib');
  const parts = [readFileSync(PROMPTS_CSV, 'utf8')];
  for (const locale of ['ja', 'zh-cn', 'ko', 'ru']) {
    const messages = JSON.parse(readFileSync(path.join(lib, locale, 'diagnosticMessages.generated.json'), 'utf8')) as Record<string, string>;
    parts.push(Object.values(messages).slice(0, 600).join('\n'));
  }
  const declarations = readdirSync(lib).filter((file) => file.endsWith('.d.ts')).sort();
  let size = Buffer.byteLength(parts.join('\n'));
  for (const file of declarations) {
    if (size >= TARGET_BYTES) break;
    const text = readFileSync(path.join(lib, file), 'utf8').slice(0, TARGET_BYTES - size);
    parts.push(text);
    size += Buffer.byteLength(text);
  }
  return parts.join('\n');
}

/** 10,000 distinct short strings (a prompt sentence plus a counter), like prompts seen one by one. */
export function shortStrings(): string[] {
  const sentences = readFileSync(PROMPTS_CSV, 'utf8')
    .split(/(?<=[.!?])\s+|\n/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 20 && sentence.length <= 300);
  return Array.from({ length: SHORT_STRINGS }, (_, i) => `${sentences[i % sentences.length]} (${i})`);
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function startupMs(library: Library): number {
  const samples = Array.from({ length: RUNS }, () => Number(execFileSync(process.execPath, ['-e', library.startScript], { cwd: ROOT, encoding: 'utf8' })));
  return median(samples);
}

export async function benchTokenizers(): Promise<BenchRow[]> {
  const corpus = largeCorpus();
  const megabytes = Buffer.byteLength(corpus) / 1e6;
  const strings = shortStrings();
  const rows: BenchRow[] = [];
  const counts: number[] = [];
  for (const library of LIBRARIES) {
    rows.push({ name: `${library.name}: first call`, value: startupMs(library), unit: 'ms', note: 'fresh process: load + rank data + first encode' });
    const count = library.load();
    let tokens = 0;
    const large = median(Array.from({ length: RUNS }, () => timeMs(() => (tokens = count(corpus)))));
    counts.push(tokens);
    rows.push({ name: `${library.name}: ${megabytes.toFixed(1)} MB mixed text`, value: megabytes / (large / 1000), unit: 'MB/s', note: `${tokens} tokens, median of ${RUNS}` });
    const short = median(Array.from({ length: RUNS }, () => timeMs(() => strings.forEach(count))));
    rows.push({ name: `${library.name}: ${SHORT_STRINGS} short strings`, value: SHORT_STRINGS / (short / 1000), unit: 'strings/s', note: `${((short * 1000) / SHORT_STRINGS).toFixed(1)} µs each` });
  }
  // PromptCost's own entry point: gpt-tokenizer with tiktoken's whitespace rule, LRU cleared before each run.
  const run = (texts: string[]) => timeMs(() => texts.forEach((text) => (tokens = countTokens(text, 'o200k_base').tokens)));
  let tokens = 0;
  const ours = median(Array.from({ length: RUNS }, () => (clearTokenCountCache(), run([corpus]))));
  counts.push(tokens);
  rows.push({ name: `promptcost countTokens: ${megabytes.toFixed(1)} MB mixed text`, value: megabytes / (ours / 1000), unit: 'MB/s', note: `${tokens} tokens, cold cache` });
  const oursShort = median(Array.from({ length: RUNS }, () => (clearTokenCountCache(), run(strings))));
  rows.push({ name: `promptcost countTokens: ${SHORT_STRINGS} short strings`, value: SHORT_STRINGS / (oursShort / 1000), unit: 'strings/s', note: `${((oursShort * 1000) / SHORT_STRINGS).toFixed(1)} µs each, cold cache` });
  const hot = strings.slice(0, 1_000);
  hot.forEach((text) => countTokens(text, 'o200k_base'));
  const warm = timeMs(() => hot.forEach((text) => countTokens(text, 'o200k_base')));
  rows.push({ name: `promptcost countTokens: ${hot.length} cached strings`, value: hot.length / (warm / 1000), unit: 'strings/s', note: 'second pass, all LRU hits' });
  const identical = counts.every((count) => count === counts[0]);
  rows.push({ name: 'identical corpus counts', value: identical ? 1 : 0, unit: identical ? 'yes' : 'NO', note: counts.join(' / ') });
  if (!identical) throw new Error(`tokenizers disagree on the corpus: ${[...LIBRARIES.map((l) => l.name), 'promptcost'].map((name, i) => `${name}=${counts[i]}`).join(', ')}`);
  return rows;
}

if (require.main === module) runStandalone('Tokenizers (o200k_base)', benchTokenizers);
