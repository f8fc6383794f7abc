/**
 * A light scanner over an argument list or object literal, enough for fixes that add one entry:
 * it splits the text at top-level commas, skipping strings, comments and nested brackets, and
 * names each entry's keyword or property. It does not parse: callers bail out when unsure.
 */
import type { TextSpan } from '../../extract/model';

export type SyntaxFamily = 'python' | 'js';

export interface ArgumentEntry {
  /** First and one-past-last significant character, absolute offsets. */
  start: number;
  end: number;
  /** Keyword or property name; `**` / `*` / `...` for unpacking and spreads; null for a positional value. */
  key: string | null;
  /** Where the value starts (after `=` or `:`). */
  valueStart: number;
  /** Offset of the comma that follows the entry, if any. */
  commaAfter: number | null;
}

const OPEN = '([{';
const CLOSE = ')]}';

/** Index just past the string literal that starts at `i` (a quote character). */
function skipString(text: string, i: number, family: SyntaxFamily): number {
  const quote = text[i];
  if (family === 'python' && text.startsWith(quote.repeat(3), i)) {
    for (let j = i + 3; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text.startsWith(quote.repeat(3), j)) return j + 3;
    }
    return text.length;
  }
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === quote) return j + 1;
    else if (quote === '`' && c === '$' && text[j + 1] === '{') j = skipCode(text, j + 2, family, '}') - 1;
    else if (c === '\n' && quote !== '`') return j;
  }
  return text.length;
}

/** Index just past the comment at `i`, or `i` when no comment starts there. */
function skipComment(text: string, i: number, family: SyntaxFamily): number {
  const line = family === 'python' ? text[i] === '#' : text.startsWith('//', i);
  if (line) {
    const eol = text.indexOf('\n', i);
    return eol < 0 ? text.length : eol;
  }
  if (family === 'js' && text.startsWith('/*', i)) {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  return i;
}

/** Index just past the `closer` that ends code starting at `i` (used for `${...}` in template literals). */
function skipCode(text: string, i: number, family: SyntaxFamily, closer: string): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"' || c === "'" || c === '`') j = skipString(text, j, family) - 1;
    else if (skipComment(text, j, family) > j) j = skipComment(text, j, family) - 1;
    else if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) {
      if (depth === 0 && c === closer) return j + 1;
      depth--;
    }
  }
  return text.length;
}

function keyOf(entry: string, family: SyntaxFamily): { key: string | null; valueOffset: number } {
  if (family === 'python') {
    if (entry.startsWith('**')) return { key: '**', valueOffset: 2 };
    if (entry.startsWith('*')) return { key: '*', valueOffset: 1 };
    const keyword = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(entry) ?? /^(["'])(\w+)\1\s*:\s*/.exec(entry);
    if (keyword) return { key: keyword[keyword.length - 1], valueOffset: keyword[0].length };
    return { key: null, valueOffset: 0 };
  }
  if (entry.startsWith('...')) return { key: '...', valueOffset: 3 };
  const property = /^(["']?)([A-Za-z_$][\w$]*)\1\s*:\s*/.exec(entry);
  if (property) return { key: property[2], valueOffset: property[0].length };
  if (/^[A-Za-z_$][\w$]*$/.test(entry)) return { key: entry, valueOffset: 0 };
  return { key: null, valueOffset: 0 };
}

/** The entries between `inner.start` and `inner.end` (the text inside the brackets). */
export function scanArguments(text: string, inner: TextSpan, family: SyntaxFamily): ArgumentEntry[] {
  const entries: ArgumentEntry[] = [];
  let depth = 0;
  let first = -1;
  let last = -1;
  const close = (comma: number | null): void => {
    if (first < 0) return;
    const { key, valueOffset } = keyOf(text.slice(first, last), family);
    entries.push({ start: first, end: last, key, valueStart: first + valueOffset, commaAfter: comma });
    first = -1;
  };
  for (let i = inner.start; i < inner.end; i++) {
    const c = text[i];
    if (/\s/.test(c)) continue;
    const afterComment = skipComment(text, i, family);
    if (afterComment > i) {
      i = afterComment - 1;
      continue;
    }
    if (c === ',' && depth === 0) {
      close(i);
      continue;
    }
    if (first < 0) first = i;
    if (c === '"' || c === "'" || c === '`') i = skipString(text, i, family) - 1;
    else if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth--;
    last = i + 1;
  }
  close(null);
  return entries;
}
