/**
 * Accuracy of the task and complexity classifier on the labelled prompts in
 * test/fixtures/route/labelled.jsonl, per split (dev: used while writing the rules; held: kept
 * aside and only evaluated). `npm run eval:route [-- --errors] [-- --split held]`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyPrompt, TASKS, type Complexity, type Task } from '../../src/core/route';

export interface LabelledPrompt {
  id: string;
  task: Task;
  complexity: Complexity;
  split: 'dev' | 'held';
  system?: string;
  user: string;
  source: string;
}

export interface SplitScore {
  split: string;
  count: number;
  taskAccuracy: number;
  complexityAccuracy: number;
  /** Complexity off by two levels (low for high or high for low). */
  complexityFarOff: number;
  misses: Array<{ id: string; expected: string; got: string }>;
}

export const LABELLED_FILE = path.join(__dirname, '../fixtures/route/labelled.jsonl');

export function loadLabelled(file = LABELLED_FILE): LabelledPrompt[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledPrompt);
}

/** The text the classifier sees for a call: the system and user parts together. */
export function promptText(item: LabelledPrompt): string {
  return item.system ? `${item.system}\n\n${item.user}` : item.user;
}

const LEVEL: Record<Complexity, number> = { low: 0, medium: 1, high: 2 };

export function scoreSplit(split: string, items: LabelledPrompt[]): SplitScore {
  let tasks = 0;
  let complexities = 0;
  let farOff = 0;
  const misses: SplitScore['misses'] = [];
  for (const item of items) {
    const got = classifyPrompt(promptText(item));
    if (got.task === item.task) tasks++;
    if (got.complexity === item.complexity) complexities++;
    if (Math.abs(LEVEL[got.complexity] - LEVEL[item.complexity]) === 2) farOff++;
    if (got.task !== item.task || got.complexity !== item.complexity) {
      misses.push({ id: item.id, expected: `${item.task}/${item.complexity}`, got: `${got.task}/${got.complexity} (${got.why.join(' | ')})` });
    }
  }
  const n = items.length || 1;
  return { split, count: items.length, taskAccuracy: tasks / n, complexityAccuracy: complexities / n, complexityFarOff: farOff, misses };
}

function main(argv: string[]): void {
  const items = loadLabelled();
  const only = argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : null;
  const splits = only ? [only] : ['dev', 'held', 'all'];
  console.log(`Labelled prompts: ${items.length} (${TASKS.length} tasks)\n`);
  console.log('split  prompts  task    complexity  complexity off by 2');
  for (const split of splits) {
    const score = scoreSplit(split, split === 'all' ? items : items.filter((i) => i.split === split));
    console.log(
      `${split.padEnd(5)}  ${String(score.count).padStart(7)}  ${score.taskAccuracy.toFixed(3)}   ${score.complexityAccuracy.toFixed(3)}       ${score.complexityFarOff}`,
    );
    if (argv.includes('--errors')) for (const miss of score.misses) console.log(`    ${miss.id}: expected ${miss.expected}, got ${miss.got}`);
  }
}

if (require.main === module) main(process.argv.slice(2));
