/**
 * Where in a Python file's text the things the extractor looks up may be: `=` signs (assignments
 * and keyword arguments), `def` / `class` names, `return` and import keywords, and names directly
 * followed by `(`. Pure string work, a few milliseconds per megabyte: the index confirms each
 * place in the tree only when it is asked about it, so a file's size costs almost nothing
 * beyond its parse. Every list is a superset (strings and comments match too), never less.
 */

export interface TextScan {
  /** Offsets of `=` signs that are not part of `==`, `!=`, `<=`, `>=` or `:=`, ascending. */
  equals: number[];
  /** Word -> indexes into `equals` of the `=` signs it stands before on the same statement line. */
  targets: Map<string, number[]>;
  /** Indexes into `equals` whose value may hold a string: a quote or an unclosed bracket after the sign. */
  quotedValues: number[];
  /** Index into `equals` -> the word directly before the sign (a keyword argument's name). */
  keywordBefore: string[];
  /** Function name -> offsets of the name after `def`, ascending. */
  defs: Map<string, number[]>;
  /** Class name -> offsets of the name after `class`, ascending. */
  classes: Map<string, number[]>;
  /** Offsets of the `return` keyword, ascending. */
  returns: number[];
  /** Offsets of `import` and `from` keywords, ascending. */
  imports: number[];
  /** Word -> offsets of that word directly followed by `(`, ascending. */
  calls: Map<string, number[]>;
}

const WORD = /[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*/g;

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const OPENERS = '([{';
const CLOSERS = ')]}';

/**
 * The text an assignment target can occupy before the `=` at `at`: back to the line start, past
 * unclosed brackets (`f(a, b=1)` keeps `a, b`), and across lines while brackets closed on this line
 * were opened on an earlier one (`(a,\n b) = ...`).
 */
function targetText(source: string, at: number): string {
  let depth = 0;
  let i = at - 1;
  for (; i >= 0; i--) {
    const c = source[i];
    if (c === '\n' && depth <= 0) break;
    if (CLOSERS.includes(c)) depth++;
    else if (OPENERS.includes(c) && --depth < 0) break;
  }
  return source.slice(i + 1, at);
}

/** Whether the value after the `=` at `at` may hold a string: a quote on its line, or a line that continues. */
function valueMayQuote(source: string, at: number): boolean {
  const end = source.indexOf('\n', at);
  const rest = source.slice(at + 1, end < 0 ? source.length : end);
  if (/["']/.test(rest) || /\\\s*$/.test(rest)) return true;
  let depth = 0;
  for (const c of rest) {
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth--;
  }
  return depth > 0;
}

export function scanPython(source: string): TextScan {
  const scan: TextScan = {
    equals: [],
    targets: new Map(),
    quotedValues: [],
    keywordBefore: [],
    defs: new Map(),
    classes: new Map(),
    returns: [],
    imports: [],
    calls: new Map(),
  };
  for (const match of source.matchAll(/(?<![=!<>:])=(?!=)/g)) {
    const at = match.index;
    const i = scan.equals.push(at) - 1;
    const target = targetText(source, at);
    for (const word of new Set(target.match(WORD) ?? [])) push(scan.targets, word, i);
    scan.keywordBefore.push(/([\w\u00C0-\uFFFF]+)\s*$/.exec(target)?.[1] ?? '');
    if (valueMayQuote(source, at)) scan.quotedValues.push(i);
  }
  for (const match of source.matchAll(/\b(def|class)\s+([A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*)/g)) {
    push(match[1] === 'def' ? scan.defs : scan.classes, match[2], match.index + match[0].length - match[2].length);
  }
  for (const match of source.matchAll(/\b(return|import|from)\b/g)) (match[1] === 'return' ? scan.returns : scan.imports).push(match.index);
  for (const match of source.matchAll(/([A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*)\s*\(/g)) push(scan.calls, match[1], match.index);
  return scan;
}

/** Indexes `from..to` of the ascending `offsets` that lie in [start, end). */
export function offsetsWithin(offsets: readonly number[], start: number, end: number): number[] {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < start) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let i = low; i < offsets.length && offsets[i] < end; i++) found.push(offsets[i]);
  return found;
}
