/**
 * Inline disable comments, in any comment syntax (`#`, `//`, `/* *\/`, `<!-- -->`, JSX `{/* *\/}`):
 *
 *   promptcost-disable-next-line <id>[, <id>]   the line after the comment
 *   promptcost-disable <id>[, <id>]             from here to the matching enable, or the end of the file
 *   promptcost-enable <id>[, <id>]              ends the disable of those ids (no ids: of all)
 *
 * No id means every rule. Text after ` -- ` is a reason and is ignored, as in ESLint.
 * Directives are found in the text, not the syntax tree: a directive written inside a string literal
 * also counts, which is rare and harmless.
 */

const DIRECTIVE = /(?:\/\/|#|\/\*|<!--)[ \t]*promptcost-(disable-next-line|disable|enable)(?![\w-])([^\n]*)/g;

/** A range of offsets where `ruleId` (or every rule, for `*`) is disabled; `end` is exclusive. */
interface DisabledRange {
  ruleId: string;
  start: number;
  end: number;
}

export interface DisableDirectives {
  /** True when a finding of `ruleId` starting at `offset` is disabled by a comment. */
  isDisabled(ruleId: string, offset: number): boolean;
}

/** The ids listed after a directive: comma or space separated, stopping at a comment closer or a ` -- reason`. */
function listedIds(rest: string): string[] {
  const body = rest.replace(/\s--\s.*$/, '').replace(/(\*\/\}?|-->).*$/, '');
  return body.split(/[\s,]+/).filter((id) => /^[a-z0-9-]+$/.test(id));
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the line holding `offset` (binary search over line starts). */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function parseDisableDirectives(text: string): DisableDirectives {
  const ranges: DisabledRange[] = [];
  const open = new Map<string, number>();
  let starts: number[] | undefined;
  for (const match of text.matchAll(DIRECTIVE)) {
    const [whole, kind, rest] = match;
    const ids = listedIds(rest);
    const at = match.index;
    if (kind === 'disable-next-line') {
      starts ??= lineStarts(text);
      // A block comment may close on a later line; the "next line" follows its end.
      const closer = whole.startsWith('/*') && !rest.includes('*/') ? text.indexOf('*/', at) : at;
      const next = lineOf(starts, closer < 0 ? at : closer) + 1;
      if (next >= starts.length) continue;
      const end = next + 1 < starts.length ? starts[next + 1] : text.length + 1;
      for (const ruleId of ids.length ? ids : ['*']) ranges.push({ ruleId, start: starts[next], end });
    } else if (kind === 'disable') {
      for (const ruleId of ids.length ? ids : ['*']) if (!open.has(ruleId)) open.set(ruleId, at);
    } else {
      for (const ruleId of ids.length ? ids : [...open.keys()]) {
        const start = open.get(ruleId);
        if (start === undefined) continue;
        ranges.push({ ruleId, start, end: at });
        open.delete(ruleId);
      }
    }
  }
  for (const [ruleId, start] of open) ranges.push({ ruleId, start, end: text.length + 1 });
  return {
    isDisabled: (ruleId, offset) =>
      ranges.some((range) => (range.ruleId === '*' || range.ruleId === ruleId) && offset >= range.start && offset < range.end),
  };
}
