import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Source files the benchmarks run on, generated or assembled so every run measures the same text:
 * 5,000-line files with 100 prompts each (the editor's worst realistic case), and about 1 MB of
 * ordinary code per language (the size limit of analysis).
 */

const ROOT = path.resolve(__dirname, '..');
/** Just under the analysis limit (MAX_FILE_BYTES), so the files are analysed rather than skipped. */
const ONE_MB = 1_000_000;

/** 100 blocks of 50 lines: a prompt constant, a call that uses it, and filler code. */
export function pythonFile(): string {
  const blocks: string[] = ['from openai import OpenAI', '', 'client = OpenAI()', ''];
  for (let k = 0; k < 100; k++) {
    blocks.push(`PROMPT_${k} = (`, `    "You are assistant ${k}. Read the ticket and write a short, polite answer "`, `    "that names the order number and the next step: {ticket}"`, ')', '');
    blocks.push(`def answer_${k}(ticket: str) -> str:`, `    response = client.chat.completions.create(`, `        model="gpt-4o",`, `        messages=[{"role": "user", "content": PROMPT_${k}.format(ticket=ticket)}],`, '    )', '    return response.choices[0].message.content', '');
    for (let i = 0; i < 38; i++) blocks.push(i % 2 ? `    total_${k}_${i} = sum(x * ${i} for x in range(${k + i}))` : `def helper_${k}_${i}(x):`);
  }
  return blocks.join('\n') + '\n';
}

export function typescriptFile(): string {
  const blocks: string[] = ["import OpenAI from 'openai';", '', 'const client = new OpenAI();', ''];
  for (let k = 0; k < 100; k++) {
    blocks.push(`const PROMPT_${k} = 'You are assistant ${k}. Read the ticket and write a short, polite answer that names the order number and the next step.';`, '');
    blocks.push(`export async function answer${k}(ticket: string) {`, '  const response = await client.chat.completions.create({', "    model: 'gpt-4o',", `    messages: [{ role: 'system', content: PROMPT_${k} }, { role: 'user', content: ticket }],`, '  });', '  return response.choices[0].message.content;', '}', '');
    for (let i = 0; i < 38; i++) blocks.push(i % 2 ? `  return x * ${i} + ${k};` : `export function helper${k}x${i}(x: number): number {`, ...(i % 2 ? ['}'] : []));
  }
  return blocks.join('\n') + '\n';
}

/** The first whole lines of `text` that fit in `limit` characters. */
function wholeLines(text: string, limit: number): string {
  return text.slice(0, text.lastIndexOf('\n', limit) + 1);
}

/** About 1 MB of real-world JavaScript: the start of the TypeScript compiler's bundle. */
export function largeJavaScriptFile(): string {
  return wholeLines(fs.readFileSync(require.resolve('typescript/lib/typescript.js'), 'utf8'), ONE_MB);
}

/** About 1 MB of Python: the extractor's fixtures (those that parse) repeated. */
export function largePythonFile(): string {
  const dir = path.join(ROOT, 'test/fixtures/extract/python');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.py') && !f.includes('broken'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const one = files.join('\n');
  return wholeLines(one.repeat(Math.ceil(ONE_MB / one.length)), ONE_MB);
}
