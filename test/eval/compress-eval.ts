/**
 * `npm run eval:compress`: compresses the 197 real prompts of awesome-chatgpt-prompts at each level
 * and prints the token reduction (median, mean, o200k_base) and the share of prompts whose
 * must-keep items (see src/core/compress/must-keep.ts) all survive, then the same figures for hand
 * rewrites of a sample of them next to the compressor's. `--verbose` prints every prompt.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { checkPreserved, compress, COMPRESS_LEVELS, type CompressLevel, type MustKeepItem } from '../../src/core/compress';
import { countTokens } from '../../src/core/tokens';

export const PROMPTS_CSV = path.resolve(__dirname, '../../../shared/data/awesome-chatgpt-prompts/prompts.csv');

export interface PromptRow {
  act: string;
  prompt: string;
}

export interface PromptOutcome {
  act: string;
  originalTokens: number;
  compressedTokens: number;
  reduction: number;
  text: string;
  lost: MustKeepItem[];
}

export interface LevelFigures {
  level: CompressLevel;
  prompts: number;
  medianReduction: number;
  meanReduction: number;
  /** Share of prompts whose must-keep items all survive, 0 to 1. */
  allKeptShare: number;
  outcomes: PromptOutcome[];
}

/** Hand rewrites of a sample of the prompts: the reference for what each level can reach. */
export const HAND_REWRITES = path.resolve(__dirname, 'data/compress-hand-rewrites.json');

export interface HandRewrite {
  index: number;
  act: string;
  original: string;
  safe: string;
  aggressive: string;
}

export interface HandComparison {
  level: CompressLevel;
  prompts: number;
  handMedian: number;
  toolMedian: number;
  /** Hand rewrites in which the must-keep checker finds every item, and the items it misses. */
  handAllKept: number;
  handLost: string[];
}

export function readHandRewrites(file = HAND_REWRITES): HandRewrite[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { rows: HandRewrite[] }).rows;
}

/** The compressor and the hand rewrites on the same prompts, at one level. */
export function compareWithHand(rewrites: readonly HandRewrite[], level: CompressLevel): HandComparison {
  const reduction = (original: string, text: string) => 1 - tokens(text) / tokens(original);
  const lostByRewrite = rewrites.map((r) => checkPreserved(r.original, r[level]).lost.map((item) => `${r.act}: ${item.kind} ${JSON.stringify(item.text)}`));
  return {
    level,
    prompts: rewrites.length,
    handMedian: median(rewrites.map((r) => reduction(r.original, r[level]))),
    toolMedian: median(rewrites.map((r) => reduction(r.original, compress(r.original, { level }).text))),
    handAllKept: lostByRewrite.filter((lost) => lost.length === 0).length,
    handLost: lostByRewrite.flat(),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function readPrompts(file = PROMPTS_CSV): PromptRow[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as PromptRow[];
}

const tokens = (text: string) => countTokens(text, 'o200k_base').tokens;

export function evaluateLevel(rows: readonly PromptRow[], level: CompressLevel): LevelFigures {
  const outcomes = rows.map(({ act, prompt }): PromptOutcome => {
    const { text } = compress(prompt, { level });
    const originalTokens = tokens(prompt);
    const compressedTokens = tokens(text);
    return { act, originalTokens, compressedTokens, reduction: 1 - compressedTokens / originalTokens, text, lost: checkPreserved(prompt, text).lost };
  });
  const reductions = outcomes.map((o) => o.reduction);
  return {
    level,
    prompts: rows.length,
    medianReduction: median(reductions),
    meanReduction: reductions.reduce((a, b) => a + b, 0) / reductions.length,
    allKeptShare: outcomes.filter((o) => o.lost.length === 0).length / outcomes.length,
    outcomes,
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function main(argv: string[]): void {
  const rows = readPrompts();
  const verbose = argv.includes('--verbose');
  console.log(`Prompt compression over ${rows.length} prompts (${path.relative(process.cwd(), PROMPTS_CSV)}), o200k_base tokens`);
  for (const level of COMPRESS_LEVELS) {
    const figures = evaluateLevel(rows, level);
    if (verbose) {
      for (const o of figures.outcomes) {
        console.log(`\n[${level}] ${o.act}: ${o.originalTokens} -> ${o.compressedTokens} (${percent(o.reduction)})\n${o.text}`);
        for (const item of o.lost) console.log(`  LOST ${item.kind}: ${JSON.stringify(item.text)}`);
      }
    }
    console.log(
      `${level.padEnd(10)} median reduction ${percent(figures.medianReduction)}, mean ${percent(figures.meanReduction)}, ` +
        `all must-keep items kept in ${percent(figures.allKeptShare)} of prompts`,
    );
  }
  const rewrites = readHandRewrites();
  console.log(`\nHand rewrites of ${rewrites.length} of these prompts (${path.relative(process.cwd(), HAND_REWRITES)}), same tokens`);
  for (const level of COMPRESS_LEVELS) {
    const c = compareWithHand(rewrites, level);
    console.log(
      `${level.padEnd(10)} by hand: median reduction ${percent(c.handMedian)}, checker finds every item in ${c.handAllKept}/${c.prompts}; ` +
        `compressor on the same prompts: ${percent(c.toolMedian)}`,
    );
    if (verbose) for (const lost of c.handLost) console.log(`  hand rewrite misses ${lost}`);
  }
}

if (require.main === module) main(process.argv.slice(2));
