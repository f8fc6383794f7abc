import * as assert from 'node:assert/strict';
import { type FileAnalysis, type SourceLanguage, analyzeSource } from '../../../src/core/extract/index';
import type { CallSite, PromptSite } from '../../../src/core/extract/model';
import { Grammars } from '../../../src/core/extract/parser';
import { fileGrammarSource } from '../../../src/runtime/grammar-files';

/** Shared by the script extractor's test files: one Grammars instance, and expectations as data. */

export const grammars = new Grammars(fileGrammarSource);

export const SCRIPT_LANGUAGES: SourceLanguage[] = ['typescript', 'tsx', 'javascript'];

export function analyze(code: string, language: SourceLanguage = 'typescript'): Promise<FileAnalysis> {
  return analyzeSource(grammars, code, language, { force: true });
}

/** 1-based line of an offset. */
export function lineAt(code: string, offset: number): number {
  return code.slice(0, offset).split('\n').length;
}

/** 1-based line of the first occurrence of `fragment`. */
export function lineOf(code: string, fragment: string): number {
  const at = code.indexOf(fragment);
  assert.ok(at >= 0, `fixture lacks ${JSON.stringify(fragment)}`);
  return lineAt(code, at);
}

export interface ExpectedPrompt {
  text: string;
  role: PromptSite['role'];
  construction?: PromptSite['construction'];
  placeholders?: string[];
  callIndex?: number | null;
  name?: string | null;
  /** A fragment on the line where the prompt's first literal starts. */
  lineOf?: string;
}

export interface ExpectedCall {
  api: CallSite['api'];
  model: string | null;
  /** The bound's value, `dynamic` for a bound that is not a literal, null for none. */
  bound?: number | 'dynamic' | null;
  origin?: 'call' | 'constructor' | 'config';
  inLoop?: boolean;
  boundParameter?: string | null;
  argumentStyle?: CallSite['argumentStyle'];
}

export function checkPrompts(code: string, found: PromptSite[], expected: ExpectedPrompt[]): void {
  const summary = found.map((p) => `${p.role} ${JSON.stringify(p.text)}`).join('\n  ');
  assert.equal(found.length, expected.length, `prompts found:\n  ${summary}`);
  expected.forEach((want, i) => {
    const got = found[i];
    assert.equal(got.text, want.text);
    assert.equal(got.role, want.role, `role of ${JSON.stringify(want.text)}`);
    if (want.construction) assert.equal(got.construction, want.construction, `construction of ${JSON.stringify(want.text)}`);
    if (want.placeholders) assert.deepEqual(got.placeholders, want.placeholders);
    if (want.callIndex !== undefined) assert.equal(got.callIndex, want.callIndex, `callIndex of ${JSON.stringify(want.text)}`);
    if (want.name !== undefined) assert.equal(got.name, want.name);
    if (want.lineOf) assert.equal(lineAt(code, got.span.start), lineOf(code, want.lineOf), `line of ${JSON.stringify(want.text)}`);
    // Spans and pieces always delimit real literals in the source.
    assert.ok(/^[`'"]/.test(code.slice(got.span.start)), 'span starts at a quote');
    assert.ok(/[`'"]$/.test(code.slice(0, got.span.end)), 'span ends at a quote');
    for (const piece of got.pieces) assert.equal(code[piece.span.start], piece.quote);
  });
}

export function checkCalls(code: string, found: CallSite[], expected: ExpectedCall[]): void {
  assert.equal(found.length, expected.length, `calls found: ${found.map((c) => c.callee).join(', ')}`);
  expected.forEach((want, i) => {
    const got = found[i];
    assert.equal(got.api, want.api);
    assert.equal(got.model, want.model);
    if (want.bound !== undefined) {
      const value = got.outputBound ? (got.outputBound.value ?? 'dynamic') : null;
      assert.equal(value, want.bound, `bound of ${got.callee}`);
    }
    if (want.origin) assert.equal(got.outputBound?.origin, want.origin);
    if (want.inLoop !== undefined) assert.equal(got.inLoop, want.inLoop, `inLoop of ${got.callee}`);
    if (want.boundParameter !== undefined) assert.equal(got.boundParameter, want.boundParameter);
    if (want.argumentStyle) assert.equal(got.argumentStyle, want.argumentStyle);
    if (got.argumentStyle === 'object') {
      const args = code.slice(got.argumentsSpan.start, got.argumentsSpan.end);
      assert.ok(args.startsWith('{') && args.endsWith('}'), `options object span: ${args}`);
    }
    assert.ok(code.slice(got.span.start, got.span.end).endsWith(')'), 'call span ends at its closing parenthesis');
  });
}
