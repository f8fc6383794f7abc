import * as path from 'node:path';
import type { ScanResult } from '../../runtime/scan';

/**
 * The JSON contract of `promptcost scan --format json` (version 1). Later tools and tests read it:
 * add fields, never rename or drop them. Lines are 1-based; paths relative to the cwd.
 */
export interface ScanJson {
  version: 1;
  catalogDate: string;
  prompts: Array<{
    path: string;
    startLine: number;
    endLine: number;
    role: string;
    tokens: number;
    estimate: boolean;
    placeholders: string[];
    model: string | null;
    /** The call that sends it; for a wrapper's call, `through` is the LLM call inside the wrapper. */
    call: { line: number; api: string; callee: string; through: { line: number } | null } | null;
    /** Calls in other files that import and send this prompt. */
    importedBy: Array<{ path: string; line: number }>;
    cost: { perCallUsd: number; per1kCallsUsd: number; perMonthUsd: number } | null;
  }>;
  calls: Array<{
    path: string;
    line: number;
    /** The function called, as written (`client.chat.completions.create`, or a wrapper such as `ask`). */
    callee: string;
    api: string;
    model: string | null;
    modelAsWritten: string | null;
    outputBound: number | null;
    inLoop: boolean;
    inputTokens: number;
    /** Prompts defined in other files that the call sends through imports. */
    importedPrompts: Array<{ path: string; name: string; tokens: number }>;
    /** For a call of the file's own wrapper function: the LLM call inside it that it sends through. */
    through: { line: number } | null;
    /** Lines of the wrapper calls that send through this call; its monthly cost is counted at them. */
    relayedBy: number[];
    cost: { perCallUsd: number; per1kCallsUsd: number; perMonthUsd: number } | null;
  }>;
  notices: Array<{ path: string; line: number | null; kind: string; message: string }>;
}

export function toScanJson(result: ScanResult, cwd: string, catalogDate: string): ScanJson {
  const json: ScanJson = { version: 1, catalogDate, prompts: [], calls: [], notices: [] };
  const shown = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  // Who sends each prompt from another file: keyed by the defining file (root-relative) and offset.
  const importers = new Map<string, Array<{ path: string; line: number }>>();
  for (const scanned of result.files) {
    for (const call of scanned.costs?.calls ?? []) {
      for (const linked of call.linkedPrompts) {
        const key = `${linked.path}\u0000${linked.site.span.start}`;
        const list = importers.get(key) ?? [];
        list.push({ path: shown(scanned.file), line: scanned.lines!.lineOf(call.site.span.start) });
        importers.set(key, list);
      }
    }
  }
  for (const scanned of result.files) {
    const rel = shown(scanned.file);
    const lines = scanned.lines;
    for (const notice of scanned.notices) {
      json.notices.push({ path: rel, line: notice.span && lines ? lines.lineOf(notice.span.start) : null, kind: notice.kind, message: notice.message });
    }
    if (!scanned.costs || !lines) continue;
    const { prompts, calls } = scanned.costs;
    for (const p of prompts) {
      const call = p.site.callIndex === null ? null : calls[p.site.callIndex];
      json.prompts.push({
        path: rel,
        startLine: lines.lineOf(p.site.span.start),
        endLine: lines.lineOf(Math.max(p.site.span.start, p.site.span.end - 1)),
        role: p.site.role,
        tokens: p.tokens.tokens,
        estimate: p.tokens.estimate,
        placeholders: p.site.placeholders,
        model: p.modelId,
        call: call
          ? {
              line: lines.lineOf(call.site.span.start),
              api: call.site.api,
              callee: call.site.callee,
              through: call.site.relayOf === undefined ? null : { line: lines.lineOf(calls[call.site.relayOf].site.span.start) },
            }
          : null,
        importedBy: importers.get(`${scanned.costs.path}\u0000${p.site.span.start}`) ?? [],
        cost: p.cost && { perCallUsd: p.cost.perCallUsd, per1kCallsUsd: p.cost.per1kCallsUsd, perMonthUsd: p.cost.perMonthUsd },
      });
    }
    // Calls of wrappers follow the LLM calls in the analysis; the report lists calls by line.
    for (const c of [...calls].sort((a, b) => a.site.span.start - b.site.span.start)) {
      json.calls.push({
        path: rel,
        line: lines.lineOf(c.site.span.start),
        callee: c.site.callee,
        api: c.site.api,
        model: c.modelId,
        modelAsWritten: c.site.model,
        outputBound: c.site.outputBound?.value ?? null,
        inLoop: c.site.inLoop,
        inputTokens: c.inputTokens.tokens,
        importedPrompts: c.linkedPrompts.map((l) => ({
          path: path.relative(cwd, path.join(result.root, l.path)).split(path.sep).join('/'),
          name: l.site.name ?? '',
          tokens: l.tokens.tokens,
        })),
        through: c.site.relayOf === undefined ? null : { line: lines.lineOf(calls[c.site.relayOf].site.span.start) },
        relayedBy: c.relayedBy.map((i) => lines.lineOf(calls[i].site.span.start)),
        cost: c.cost && { perCallUsd: c.cost.perCallUsd, per1kCallsUsd: c.cost.per1kCallsUsd, perMonthUsd: c.cost.perMonthUsd },
      });
    }
  }
  return json;
}
