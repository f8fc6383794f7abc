import type { CallSite, FileAnalysis, PromptSite, SourceLanguage, TextSpan } from '../../src/core/extract/index';
import { LineIndex as CoreLineIndex } from '../../src/core/analysis/line-index';
import { normalizeForSearch, type ExpectedBound, type ExpectedCall, type ExpectedPrompt, type Fixture } from './labels';

/**
 * Compares what the extractors found with the labels: matching, counts and the lists a
 * developer reads to see what went wrong. Pure: fixtures and analyses in, numbers out.
 */

/** The core's line index, with what the eval reports need: the lines a span covers and a line's text. */
export class LineIndex extends CoreLineIndex {
  private lines: string[] | undefined;

  constructor(private readonly text: string) {
    super(text);
  }

  /** The lines a span covers; an end offset just past a newline stays on the line before. */
  linesOf(span: TextSpan): { first: number; last: number } {
    return { first: this.lineOf(span.start), last: this.lineOf(Math.max(span.start, span.end - 1)) };
  }

  /** The source line, trimmed and cut to `max` characters, for reports. */
  excerpt(line: number, max = 100): string {
    this.lines ??= this.text.split('\n');
    return clip((this.lines[line - 1] ?? '').trim(), max);
  }
}

export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A predicted item with the lines it covers. */
interface Located<T> {
  item: T;
  first: number;
  last: number;
}

export interface Pairing<E, P> {
  pairs: { expected: E; predicted: P; loose: boolean }[];
  missed: E[];
  extra: P[];
}

/**
 * One-to-one matching in two passes. First by start line (`exact`), then, for what is left,
 * an expected item whose line falls inside a predicted item's lines (`loose`): the labeller and
 * the extractor may disagree on which piece of a multi-line prompt comes first (a join's separator).
 * `compatible` says whether a pair may match at all; `prefer` breaks ties between candidates.
 */
export function pairByLine<E extends { line: number }, P>(
  expected: readonly E[],
  predicted: readonly Located<P>[],
  compatible: (e: E, p: P) => boolean,
  prefer: (e: E, p: P) => boolean = () => false,
): Pairing<E, P> {
  const used = new Set<number>();
  const matched = new Map<E, { predicted: P; loose: boolean }>();
  const pass = (fits: (e: E, p: Located<P>) => boolean, loose: boolean) => {
    for (const e of expected) {
      if (matched.has(e)) continue;
      let chosen = -1;
      predicted.forEach((p, i) => {
        if (used.has(i) || !compatible(e, p.item) || !fits(e, p)) return;
        if (chosen === -1 || (prefer(e, p.item) && !prefer(e, predicted[chosen].item))) chosen = i;
      });
      if (chosen !== -1) {
        used.add(chosen);
        matched.set(e, { predicted: predicted[chosen].item, loose });
      }
    }
  };
  pass((e, p) => p.first === e.line, false);
  pass((e, p) => p.first <= e.line && e.line <= p.last, true);
  return {
    pairs: expected.filter((e) => matched.has(e)).map((e) => ({ expected: e, ...matched.get(e)! })),
    missed: expected.filter((e) => !matched.has(e)),
    extra: predicted.filter((_, i) => !used.has(i)).map((p) => p.item),
  };
}

/** One item in the lists of misses, false positives and attribute mismatches. */
export interface Finding {
  file: string;
  line: number;
  /** What the item is: the source line for misses, the found text or callee for false positives. */
  excerpt: string;
  detail?: string;
}

export interface Counts {
  expected: number;
  found: number;
  matched: number;
  /** Matches made in the second (line-inside-span) pass. */
  loose: number;
}

export interface Accuracy {
  correct: number;
  total: number;
}

export interface FileScore {
  file: string;
  language: SourceLanguage;
  prompts: Counts;
  calls: Counts;
  /** Calls of the file's own wrapper functions (relayOf): derived call sites, outside the labels. */
  wrapperCalls: number;
  promptRole: Accuracy;
  callModel: Accuracy;
  callBound: Accuracy;
  callInLoop: Accuracy;
  missedPrompts: Finding[];
  extraPrompts: Finding[];
  missedCalls: Finding[];
  extraCalls: Finding[];
  mismatches: Finding[];
  notices: Finding[];
}

/** What a predicted bound looks like in label terms. */
export function boundLabel(call: CallSite): ExpectedBound {
  if (!call.outputBound) return null;
  return call.outputBound.value === null ? 'dynamic' : call.outputBound.value;
}

function show(value: unknown): string {
  return value === null ? 'null' : typeof value === 'string' ? `"${value}"` : String(value);
}

function tally(acc: Accuracy, ok: boolean): boolean {
  acc.total++;
  if (ok) acc.correct++;
  return ok;
}

/** Scores one fixture's analysis against its labels. */
export function scoreFile(fixture: Fixture, analysis: FileAnalysis): FileScore {
  const lines = new LineIndex(fixture.text);
  const locate = <T extends { span: TextSpan }>(item: T): Located<T> => ({ item, ...lines.linesOf(item.span) });
  const { file, language } = fixture;

  const prompts = pairByLine<ExpectedPrompt, PromptSite>(
    fixture.labels.prompts,
    analysis.prompts.map(locate),
    () => true,
    (e, p) => !!e.text_contains && normalizeForSearch(p.text).includes(normalizeForSearch(e.text_contains)),
  );
  // The labels are the SDK calls; calls of the file's own wrappers (relayOf) are derived from them, not labelled.
  const sdkCalls = analysis.calls.filter((c) => c.relayOf === undefined);
  const calls = pairByLine<ExpectedCall, CallSite>(fixture.labels.calls, sdkCalls.map(locate), (e, p) => e.api === p.api);

  const score: FileScore = {
    file,
    language,
    prompts: { expected: fixture.labels.prompts.length, found: analysis.prompts.length, matched: prompts.pairs.length, loose: prompts.pairs.filter((p) => p.loose).length },
    calls: { expected: fixture.labels.calls.length, found: sdkCalls.length, matched: calls.pairs.length, loose: calls.pairs.filter((p) => p.loose).length },
    wrapperCalls: analysis.calls.length - sdkCalls.length,
    promptRole: { correct: 0, total: 0 },
    callModel: { correct: 0, total: 0 },
    callBound: { correct: 0, total: 0 },
    callInLoop: { correct: 0, total: 0 },
    missedPrompts: prompts.missed.map((e) => ({ file, line: e.line, excerpt: lines.excerpt(e.line), detail: e.role })),
    extraPrompts: prompts.extra.map((p) => ({ file, line: lines.lineOf(p.span.start), excerpt: clip(p.text, 100), detail: p.role })),
    missedCalls: calls.missed.map((e) => ({ file, line: e.line, excerpt: lines.excerpt(e.line), detail: e.api })),
    extraCalls: calls.extra.map((c) => ({ file, line: lines.lineOf(c.span.start), excerpt: c.callee, detail: c.api })),
    mismatches: [],
    notices: analysis.notices
      .filter((n) => n.kind !== 'syntax-error')
      .map((n) => ({ file, line: n.span ? lines.lineOf(n.span.start) : 1, excerpt: n.message, detail: n.kind })),
  };

  const mismatch = (line: number, what: string, expected: unknown, got: unknown) =>
    score.mismatches.push({ file, line, excerpt: lines.excerpt(line), detail: `${what}: expected ${show(expected)}, got ${show(got)}` });

  for (const { expected, predicted } of prompts.pairs) {
    if (!tally(score.promptRole, expected.role === predicted.role)) mismatch(expected.line, 'prompt role', expected.role, predicted.role);
  }
  for (const { expected, predicted } of calls.pairs) {
    if (!tally(score.callModel, expected.model === predicted.model)) mismatch(expected.line, 'call model', expected.model, predicted.model);
    const bound = boundLabel(predicted);
    if (!tally(score.callBound, expected.outputBound === bound)) mismatch(expected.line, 'call outputBound', expected.outputBound, bound);
    if (!tally(score.callInLoop, expected.inLoop === predicted.inLoop)) mismatch(expected.line, 'call inLoop', expected.inLoop, predicted.inLoop);
  }
  return score;
}

export interface Metrics extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Precision, recall and F1 from counts. Finding nothing when something was expected scores a
 * precision of 0, not 1, so that an extractor that returns nothing cannot pass a precision floor.
 */
export function metrics(counts: Counts): Metrics {
  const precision = counts.found === 0 ? (counts.expected === 0 ? 1 : 0) : counts.matched / counts.found;
  const recall = counts.expected === 0 ? 1 : counts.matched / counts.expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

export function sumCounts(all: readonly Counts[]): Counts {
  return all.reduce(
    (a, c) => ({ expected: a.expected + c.expected, found: a.found + c.found, matched: a.matched + c.matched, loose: a.loose + c.loose }),
    { expected: 0, found: 0, matched: 0, loose: 0 },
  );
}

export function sumAccuracy(all: readonly Accuracy[]): Accuracy & { rate: number } {
  const correct = all.reduce((n, a) => n + a.correct, 0);
  const total = all.reduce((n, a) => n + a.total, 0);
  return { correct, total, rate: total === 0 ? 1 : correct / total };
}
