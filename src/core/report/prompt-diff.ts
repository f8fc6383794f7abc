import { distance } from 'fastest-levenshtein';
import type { LineIndex } from '../analysis/line-index';
import type { FileCosts } from '../analysis/model';
import { workspaceMonthlyUsd } from './monthly-total';

/** The prompts of one version of the code; paths relative to the repository, forward slashes. */
export interface DiffSide {
  files: ReadonlyArray<{ path: string; costs: FileCosts; lines: LineIndex }>;
}

export interface PromptVersion {
  path: string;
  line: number;
  name: string | null;
  role: string;
  text: string;
  tokens: number;
  estimate: boolean;
  model: string | null;
  perCallUsd: number;
  perMonthUsd: number;
}

export type ChangeStatus = 'added' | 'removed' | 'changed';

/** A figure at the base and now; null where the prompt does not exist. */
export interface BaseAndHead<T> {
  base: T | null;
  head: T | null;
}

export interface PromptChange {
  status: ChangeStatus;
  /** Where the prompt is now (where it was, for a removed one). */
  path: string;
  line: number;
  /** The path at the base when the file was renamed or the prompt moved. */
  basePath: string | null;
  name: string | null;
  role: string;
  textChanged: boolean;
  tokens: BaseAndHead<number>;
  model: BaseAndHead<string>;
  perCallUsd: BaseAndHead<number> & { delta: number };
  perMonthUsd: BaseAndHead<number> & { delta: number };
}

/** The JSON contract of `promptcost diff --format json` (version 1): add fields, never rename or drop them. */
export interface PromptDiff {
  version: 1;
  base: string;
  catalogDate: string;
  changes: PromptChange[];
  totals: {
    added: number;
    removed: number;
    changed: number;
    unchanged: number;
    /** Sum of the changes' per-call deltas: what one call of each changed prompt costs more (or less). */
    deltaPerCallUsd: number;
    deltaPerMonthUsd: number;
    /** The workspace's monthly cost (calls, and prompts sent from other files) at the base and now. */
    workspacePerMonthUsd: { base: number; head: number; delta: number };
  };
}

/** Two prompts count as one edited prompt from this similarity on (0..1, by edit distance). */
export const SIMILARITY_THRESHOLD = 0.6;
/** Above this many candidate pairs, only prompts of the same file are compared by text. */
const MAX_CROSS_FILE_PAIRS = 20_000;

function versionsOf(side: DiffSide): PromptVersion[] {
  return side.files.flatMap((file) =>
    file.costs.prompts.map((p) => ({
      path: file.path,
      line: file.lines.lineOf(p.site.span.start),
      name: p.site.name,
      role: p.site.role,
      text: p.site.text,
      tokens: p.tokens.tokens,
      estimate: p.tokens.estimate,
      model: p.modelId,
      perCallUsd: p.cost?.perCallUsd ?? 0,
      perMonthUsd: p.cost?.perMonthUsd ?? 0,
    })),
  );
}

/** 1 for equal texts, falling towards 0 as the edit distance nears the longer length. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/**
 * Pairs base and head prompts: first by file, name (constant or variable) and role; then by identical
 * text in the same file; then by text similarity, preferring the same file and role. A head file's
 * path is read through `renames` (path now -> path at the base).
 */
export function matchPrompts(base: readonly PromptVersion[], head: readonly PromptVersion[], renames: ReadonlyMap<string, string>): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const baseFree = new Set(base.map((_, i) => i));
  const headFree = new Set(head.map((_, i) => i));
  const basePathOf = (h: PromptVersion) => renames.get(h.path) ?? h.path;
  const take = (b: number, h: number) => {
    pairs.push([b, h]);
    baseFree.delete(b);
    headFree.delete(h);
  };
  const pass = (sameKey: (b: PromptVersion, h: PromptVersion) => boolean) => {
    for (const h of [...headFree]) {
      const b = [...baseFree].find((i) => sameKey(base[i], head[h]));
      if (b !== undefined) take(b, h);
    }
  };
  pass((b, h) => h.name !== null && b.name === h.name && b.role === h.role && b.path === basePathOf(h));
  pass((b, h) => b.text === h.text && b.role === h.role && b.path === basePathOf(h));

  const crossFile = baseFree.size * headFree.size <= MAX_CROSS_FILE_PAIRS;
  const candidates: Array<{ b: number; h: number; score: number }> = [];
  for (const h of headFree) {
    for (const b of baseFree) {
      const samePath = base[b].path === basePathOf(head[h]);
      if (!samePath && !crossFile) continue;
      const sim = similarity(base[b].text, head[h].text);
      if (sim < SIMILARITY_THRESHOLD) continue;
      candidates.push({ b, h, score: sim + (samePath ? 0.1 : 0) + (base[b].role === head[h].role ? 0.05 : 0) });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.h - y.h || x.b - y.b);
  for (const { b, h } of candidates) if (baseFree.has(b) && headFree.has(h)) take(b, h);
  return pairs;
}

const SAME = 1e-12;

function change(status: ChangeStatus, b: PromptVersion | null, h: PromptVersion | null): PromptChange {
  const at = (h ?? b)!;
  const cost = (pick: (v: PromptVersion) => number) => {
    const baseValue = b ? pick(b) : null;
    const headValue = h ? pick(h) : null;
    return { base: baseValue, head: headValue, delta: (headValue ?? 0) - (baseValue ?? 0) };
  };
  return {
    status,
    path: at.path,
    line: at.line,
    basePath: b && h && b.path !== h.path ? b.path : null,
    name: at.name,
    role: at.role,
    textChanged: !!b && !!h && b.text !== h.text,
    tokens: { base: b?.tokens ?? null, head: h?.tokens ?? null },
    model: { base: b?.model ?? null, head: h?.model ?? null },
    perCallUsd: cost((v) => v.perCallUsd),
    perMonthUsd: cost((v) => v.perMonthUsd),
  };
}

/**
 * The prompts added, removed and changed between two versions of the code, with the cost change of
 * each per call and per month, and the totals.
 */
export function diffPrompts(baseSide: DiffSide, headSide: DiffSide, options: { baseRef: string; catalogDate: string; renames?: ReadonlyMap<string, string> }): PromptDiff {
  const base = versionsOf(baseSide);
  const head = versionsOf(headSide);
  const pairs = matchPrompts(base, head, options.renames ?? new Map());
  const changes: PromptChange[] = [];
  let unchanged = 0;
  const matchedBase = new Set(pairs.map(([b]) => b));
  const matchedHead = new Set(pairs.map(([, h]) => h));
  for (const [b, h] of pairs) {
    const was = base[b];
    const now = head[h];
    const same = was.text === now.text && was.model === now.model && Math.abs(was.perMonthUsd - now.perMonthUsd) < SAME && Math.abs(was.perCallUsd - now.perCallUsd) < SAME;
    if (same) unchanged++;
    else changes.push(change('changed', was, now));
  }
  head.forEach((now, h) => matchedHead.has(h) || changes.push(change('added', null, now)));
  base.forEach((was, b) => matchedBase.has(b) || changes.push(change('removed', was, null)));
  changes.sort((x, y) => Math.abs(y.perMonthUsd.delta) - Math.abs(x.perMonthUsd.delta) || x.path.localeCompare(y.path) || x.line - y.line);

  const workspaceBase = workspaceMonthlyUsd(baseSide.files);
  const workspaceHead = workspaceMonthlyUsd(headSide.files);
  return {
    version: 1,
    base: options.baseRef,
    catalogDate: options.catalogDate,
    changes,
    totals: {
      added: changes.filter((c) => c.status === 'added').length,
      removed: changes.filter((c) => c.status === 'removed').length,
      changed: changes.filter((c) => c.status === 'changed').length,
      unchanged,
      deltaPerCallUsd: changes.reduce((sum, c) => sum + c.perCallUsd.delta, 0),
      deltaPerMonthUsd: changes.reduce((sum, c) => sum + c.perMonthUsd.delta, 0),
      workspacePerMonthUsd: { base: workspaceBase, head: workspaceHead, delta: workspaceHead - workspaceBase },
    },
  };
}
