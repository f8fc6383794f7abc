/**
 * Masking: each protected span becomes one private-use character, so rules cannot see into it
 * (a quote that says "I want you to" is left alone) and sentence logic treats it as one word.
 */

const FIRST = 0xe000;
const LAST = 0xf8ff;
const PRIVATE_USE = /[\ue000-\uf8ff]/g;

export interface Masked {
  text: string;
  /** Original text of each mask, by index (character FIRST + index). */
  originals: string[];
  /** Maps an offset in the masked text to the offset in the original text. */
  toOriginal(offset: number): number;
  /** Maps an offset of the original text that lies outside every masked span to the masked text. */
  toMasked(offset: number): number;
}

/** True for a mask character. */
export function isMask(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= FIRST && code <= LAST;
}

/**
 * Replaces `spans` (sorted, non-overlapping) with mask characters. Private-use characters already
 * in the text are masked too, so unmasking never mistakes them for ours. Returns null when the
 * text has more spans than there are private-use characters.
 */
export function mask(text: string, spans: ReadonlyArray<{ start: number; end: number }>): Masked | null {
  const all = [...spans];
  for (const m of text.matchAll(PRIVATE_USE)) {
    if (!spans.some((s) => m.index >= s.start && m.index < s.end)) all.push({ start: m.index, end: m.index + 1 });
  }
  all.sort((a, b) => a.start - b.start);
  if (all.length > LAST - FIRST + 1) return null;

  const originals: string[] = [];
  const maskedAt: number[] = [];
  const shiftAfter: number[] = [];
  let out = '';
  let from = 0;
  let shift = 0;
  for (const span of all) {
    out += text.slice(from, span.start);
    maskedAt.push(out.length);
    out += String.fromCharCode(FIRST + originals.length);
    originals.push(text.slice(span.start, span.end));
    shift += span.end - span.start - 1;
    shiftAfter.push(shift);
    from = span.end;
  }
  out += text.slice(from);

  const originalStarts = all.map((s) => s.start);
  const shiftBefore = (starts: readonly number[], offset: number): number => {
    const count = countBelow(starts, offset);
    return count === 0 ? 0 : shiftAfter[count - 1];
  };
  return {
    text: out,
    originals,
    toOriginal: (offset) => offset + shiftBefore(maskedAt, offset),
    toMasked: (offset) => offset - shiftBefore(originalStarts, offset),
  };
}

/** How many of the sorted `values` are below `limit` (binary search). */
function countBelow(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Puts the original text back in place of every mask character. */
export function unmask(text: string, originals: readonly string[]): string {
  return text.replace(PRIVATE_USE, (c) => originals[c.charCodeAt(0) - FIRST] ?? c);
}
