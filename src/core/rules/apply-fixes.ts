import type { Finding, Fix, TextEdit } from './model';

/** `text` with `edits` applied; edits must not overlap (throws when they do, a bug in a rule). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.span.start < at) throw new RangeError(`Overlapping edits at offset ${edit.span.start}`);
    result += text.slice(at, edit.span.start) + edit.newText;
    at = edit.span.end;
  }
  return result + text.slice(at);
}

/** True when no edit of `fix` overlaps or touches a range already taken (touching edits could interleave). */
function fitsBetween(fix: Fix, taken: readonly TextEdit[]): boolean {
  return fix.edits.every((edit) => taken.every((other) => edit.span.end < other.span.start || edit.span.start > other.span.end));
}

/**
 * Applies the first fix of each finding that passes `accept` (by default: safe ones, as `lint --fix`
 * does), skipping fixes that overlap one already taken; a second pass can pick those up.
 */
export function applyFixes(text: string, findings: readonly Finding[], accept: (fix: Fix) => boolean = (fix) => fix.safe): { text: string; applied: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const finding of findings) {
    const fix = finding.fixes.find(accept);
    if (!fix || !fitsBetween(fix, taken)) continue;
    taken.push(...fix.edits);
    applied++;
  }
  return { text: applyEdits(text, taken), applied };
}
