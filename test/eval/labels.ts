import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageOfPath, type PromptRole, type SourceLanguage } from '../../src/core/extract/index';

/**
 * The hand-written labels of the extraction corpus (test/fixtures/extract/expected.json) and the
 * fixture texts they describe. The labelling rules are in test/fixtures/extract/README.md.
 */

/** `"dynamic"`: the call sets a bound whose value cannot be read statically (`max_tokens=n`). */
export type ExpectedBound = number | null | 'dynamic';

export interface ExpectedPrompt {
  /** 1-based line of the opening quote of the first literal piece. */
  line: number;
  role: PromptRole;
  /** A distinctive fragment of the prompt's text, so that a mismatch can be explained. */
  text_contains?: string;
}

export interface ExpectedCall {
  /** 1-based line where the call expression starts. */
  line: number;
  api: string;
  model: string | null;
  outputBound: ExpectedBound;
  inLoop: boolean;
}

export interface FileLabels {
  prompts: ExpectedPrompt[];
  calls: ExpectedCall[];
}

export interface Fixture {
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  language: SourceLanguage;
  text: string;
  labels: FileLabels;
}

export interface Corpus {
  dir: string;
  fixtures: Fixture[];
  /** Problems with the labels that do not stop the eval: unlabelled files, fragments not found. */
  warnings: string[];
}

const ROLES: readonly string[] = ['system', 'user', 'developer', 'assistant', 'template', 'other'];

export const LABELS_FILE = 'expected.json';

/** The corpus folder beside this repository's tests. */
export const DEFAULT_CORPUS_DIR = path.resolve(__dirname, '../fixtures/extract');

/** Fixtures written after the extractors, to measure them on code they were not tuned on. */
export const HOLDOUT_CORPUS_DIR = path.join(DEFAULT_CORPUS_DIR, 'holdout');

function fail(file: string, what: string): never {
  throw new Error(`${LABELS_FILE}: ${file}: ${what}`);
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function checkPrompt(file: string, value: unknown, index: number): ExpectedPrompt {
  const p = value as Partial<ExpectedPrompt> | null;
  if (!p || !isLine(p.line)) fail(file, `prompts[${index}].line must be a positive integer`);
  if (typeof p.role !== 'string' || !ROLES.includes(p.role)) fail(file, `prompts[${index}].role must be one of ${ROLES.join(', ')}`);
  if (p.text_contains !== undefined && typeof p.text_contains !== 'string') fail(file, `prompts[${index}].text_contains must be a string`);
  return { line: p.line, role: p.role, text_contains: p.text_contains };
}

function checkCall(file: string, value: unknown, index: number): ExpectedCall {
  const c = value as Partial<ExpectedCall> | null;
  if (!c || !isLine(c.line)) fail(file, `calls[${index}].line must be a positive integer`);
  if (typeof c.api !== 'string' || c.api === '') fail(file, `calls[${index}].api must be a non-empty string`);
  if (c.model !== null && typeof c.model !== 'string') fail(file, `calls[${index}].model must be a string or null`);
  const bound = c.outputBound;
  if (!(bound === null || bound === 'dynamic' || typeof bound === 'number')) fail(file, `calls[${index}].outputBound must be a number, null or "dynamic"`);
  if (typeof c.inLoop !== 'boolean') fail(file, `calls[${index}].inLoop must be a boolean`);
  return { line: c.line, api: c.api, model: c.model, outputBound: bound, inLoop: c.inLoop };
}

function checkFileLabels(file: string, value: unknown): FileLabels {
  const entry = value as { prompts?: unknown; calls?: unknown } | null;
  if (!entry || !Array.isArray(entry.prompts) || !Array.isArray(entry.calls)) fail(file, 'needs "prompts" and "calls" arrays');
  return {
    prompts: entry.prompts.map((p, i) => checkPrompt(file, p, i)),
    calls: entry.calls.map((c, i) => checkCall(file, c, i)),
  };
}

/**
 * Source text as a model would read it, for comparing labels' fragments with the source:
 * `${x}` written as `{x}`, common escapes decoded, runs of whitespace and quote joins folded.
 */
export function normalizeForSearch(text: string): string {
  return text
    .replace(/\$\{/g, '{')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\(["'`])/g, '$1')
    .replace(/["'`]\s*\+?\s*\\?\s*["'`]/g, '')
    .replace(/\s+/g, ' ');
}

/** How many lines after a label's line its fragment may appear (a long prompt's fragment sits lower). */
const FRAGMENT_WINDOW_LINES = 25;

/** Labels whose fragment is not in the source near the labelled line: usually a wrong line number. */
function fragmentWarnings(fixture: Fixture): string[] {
  const lines = fixture.text.split('\n');
  const warnings: string[] = [];
  for (const prompt of fixture.labels.prompts) {
    if (prompt.line > lines.length) {
      warnings.push(`${fixture.file}:${prompt.line}: prompt label is past the end of the file`);
      continue;
    }
    if (!prompt.text_contains) continue;
    const window = normalizeForSearch(lines.slice(prompt.line - 1, prompt.line - 1 + FRAGMENT_WINDOW_LINES).join('\n'));
    if (!window.includes(normalizeForSearch(prompt.text_contains))) {
      warnings.push(`${fixture.file}:${prompt.line}: text_contains "${prompt.text_contains}" not found from this line on`);
    }
  }
  for (const call of fixture.labels.calls) {
    if (call.line > lines.length || !lines[call.line - 1].includes('(')) {
      warnings.push(`${fixture.file}:${call.line}: call label points at a line with no call`);
    }
  }
  return warnings;
}

/**
 * Every analysable file under the corpus folder, relative, with forward slashes. A subfolder with
 * its own labels file is a separate corpus (the holdout) and is left out.
 */
function listSourceFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!fs.existsSync(path.join(dir, rel, LABELS_FILE))) out.push(...listSourceFiles(dir, rel));
    } else if (languageOfPath(entry.name)) out.push(rel);
  }
  return out.sort();
}

/**
 * Reads the labels and every labelled fixture. Throws when the labels are malformed or a labelled
 * fixture cannot be read: the eval would measure the wrong thing.
 */
export function loadCorpus(dir: string = DEFAULT_CORPUS_DIR): Corpus {
  const raw = JSON.parse(fs.readFileSync(path.join(dir, LABELS_FILE), 'utf8')) as Record<string, unknown>;
  const fixtures: Fixture[] = [];
  for (const [file, value] of Object.entries(raw)) {
    const language = languageOfPath(file);
    if (!language) fail(file, 'is not a Python, TypeScript, TSX or JavaScript file');
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    fixtures.push({ file, language, text, labels: checkFileLabels(file, value) });
  }
  const warnings = fixtures.flatMap(fragmentWarnings);
  for (const file of listSourceFiles(dir)) {
    if (!(file in raw)) warnings.push(`${file}: fixture has no entry in ${LABELS_FILE} and is not evaluated`);
  }
  return { dir, fixtures, warnings };
}
