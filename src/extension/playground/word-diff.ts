/**
 * A word-level diff of two texts (longest common subsequence over words and the whitespace between
 * them), for showing the optimized prompt against the original. Pure; no vscode.
 */
import type { DiffSegment } from '../../shared/webview-messages';

/** Cells of the LCS table beyond which the middle is shown as one replacement, to bound time and memory. */
const MAX_CELLS = 4_000_000;

/** Words and runs of whitespace, in order; joined they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(out: DiffSegment[], kind: DiffSegment['kind'], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/**
 * Segments that turn `before` into `after`: `same` text is in both, `removed` only in `before`,
 * `added` only in `after`. Joining same+removed gives `before`; same+added gives `after`.
 */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffSegment[] = [];
  push(out, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(out, 'removed', midA.join(''));
    push(out, 'added', midB.join(''));
  } else {
    for (const segment of lcsDiff(midA, midB)) push(out, segment.kind, segment.text);
  }
  push(out, 'same', a.slice(endA).join(''));
  return joinChanges(out);
}

/**
 * Whitespace kept between two changes joins them: `[-x y][+p q]` reads better than
 * `[-x][+p] [-y][+q]`. Each run of changes becomes one removal and one addition.
 */
function joinChanges(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed = '';
  let added = '';
  let inChange = false;
  const close = () => {
    push(out, 'removed', removed);
    push(out, 'added', added);
    removed = added = '';
    inChange = false;
  };
  segments.forEach((segment, i) => {
    if (segment.kind === 'removed') removed += segment.text;
    else if (segment.kind === 'added') added += segment.text;
    else if (inChange && /^\s+$/.test(segment.text) && i + 1 < segments.length) {
      removed += segment.text;
      added += segment.text;
      return;
    } else {
      close();
      push(out, 'same', segment.text);
      return;
    }
    inChange = true;
  });
  close();
  return out;
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(out, 'same', a[i++]);
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) push(out, 'removed', a[i++]);
    else push(out, 'added', b[j++]);
  }
  while (i < n) push(out, 'removed', a[i++]);
  while (j < m) push(out, 'added', b[j++]);
  return out;
}
