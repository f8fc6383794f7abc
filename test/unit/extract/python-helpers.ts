import * as assert from 'node:assert/strict';
import { analyzeSource, type CallApi, type FileAnalysis, type PromptConstruction, type PromptRole } from '../../../src/core/extract/index';
import { Grammars } from '../../../src/core/extract/parser';
import { fileGrammarSource } from '../../../src/runtime/grammar-files';

/** One Grammars for every Python test file: loading the WASM is the slow part. */
export const grammars = new Grammars(fileGrammarSource);

export function analyzePython(code: string): Promise<FileAnalysis> {
  return analyzeSource(grammars, code, 'python', { force: true });
}

export interface ExpectedPrompt {
  text?: string;
  contains?: string;
  role?: PromptRole;
  placeholders?: string[];
  construction?: PromptConstruction;
  callIndex?: number | null;
  name?: string | null;
  /** 1-based line of the first literal piece. */
  line?: number;
}

export interface ExpectedCall {
  api: CallApi;
  model?: string | null;
  /** A number, 'dynamic' for a bound that is set but not readable, null for no bound. */
  bound?: number | 'dynamic' | null;
  origin?: 'call' | 'constructor' | 'config';
  inLoop?: boolean;
  boundParameter?: string | null;
  argumentStyle?: 'keyword' | 'object' | 'positional' | 'none';
  line?: number;
}

export interface Case {
  name: string;
  code: string;
  prompts: ExpectedPrompt[];
  calls: ExpectedCall[];
}

function lineOf(code: string, offset: number): number {
  return code.slice(0, offset).split('\n').length;
}

/** Checks an analysis against a case: same number of prompts and calls, each with the listed attributes. */
export function assertCase(result: FileAnalysis, c: Case): void {
  const summary = JSON.stringify(
    { prompts: result.prompts.map((p) => [p.role, p.text.slice(0, 60)]), calls: result.calls.map((k) => [k.api, k.callee]) },
    null,
    1,
  );
  assert.equal(result.prompts.length, c.prompts.length, `prompts in ${c.name}: ${summary}`);
  assert.equal(result.calls.length, c.calls.length, `calls in ${c.name}: ${summary}`);
  c.prompts.forEach((want, i) => {
    const got = result.prompts[i];
    const label = `${c.name}: prompt ${i}`;
    if (want.text !== undefined) assert.equal(got.text, want.text, label);
    if (want.contains !== undefined) assert.ok(got.text.includes(want.contains), `${label}: ${JSON.stringify(got.text)} lacks ${want.contains}`);
    if (want.role !== undefined) assert.equal(got.role, want.role, `${label} role`);
    if (want.placeholders !== undefined) assert.deepEqual(got.placeholders, want.placeholders, `${label} placeholders`);
    if (want.construction !== undefined) assert.equal(got.construction, want.construction, `${label} construction`);
    if (want.callIndex !== undefined) assert.equal(got.callIndex, want.callIndex, `${label} callIndex`);
    if (want.name !== undefined) assert.equal(got.name, want.name, `${label} name`);
    if (want.line !== undefined) assert.equal(lineOf(c.code, got.span.start), want.line, `${label} line`);
    assert.equal(got.span.start, got.pieces[0].span.start, `${label} span starts at the first piece`);
    assert.equal(got.span.end, got.pieces[got.pieces.length - 1].span.end, `${label} span ends at the last piece`);
  });
  c.calls.forEach((want, i) => {
    const got = result.calls[i];
    const label = `${c.name}: call ${i} (${got.callee})`;
    assert.equal(got.api, want.api, label);
    if (want.model !== undefined) assert.equal(got.model, want.model, `${label} model`);
    if (want.bound !== undefined) {
      const bound = got.outputBound ? (got.outputBound.value ?? 'dynamic') : null;
      assert.equal(bound, want.bound, `${label} bound`);
    }
    if (want.origin !== undefined) assert.equal(got.outputBound?.origin, want.origin, `${label} bound origin`);
    if (want.inLoop !== undefined) assert.equal(got.inLoop, want.inLoop, `${label} inLoop`);
    if (want.boundParameter !== undefined) assert.equal(got.boundParameter, want.boundParameter, `${label} boundParameter`);
    if (want.argumentStyle !== undefined) assert.equal(got.argumentStyle, want.argumentStyle, `${label} argumentStyle`);
    if (want.line !== undefined) assert.equal(lineOf(c.code, got.span.start), want.line, `${label} line`);
  });
  const starts = result.prompts.map((p) => p.span.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), `${c.name}: prompts sorted by span`);
}

/** Runs each case as its own mocha test. */
export function runCases(cases: readonly Case[]): void {
  for (const c of cases) {
    it(c.name, async () => assertCase(await analyzePython(c.code), c));
  }
}
