/**
 * Where in a Python file's text the things the extractor looks up may be: `=` signs (assignments
 * and keyword arguments), `def` / `class` names, `return` and import keywords, and names directly
 * followed by `(` (the calls). Pure string work, a few milliseconds per megabyte: the index confirms each
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
}

const WORD = /[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*/g;

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** +1 for an opening bracket, -1 for a closing one, 0 otherwise. */
function bracket(code: number): number {
  if (code === 40 || code === 91 || code === 123) return 1;
  if (code === 41 || code === 93 || code === 125) return -1;
  return 0;
}

/**
 * Where the text an assignment target can occupy before the `=` at `at` starts: the line start,
 * or just after an unclosed bracket (`f(a, b=1)` keeps `a, b`), or an earlier line while brackets
 * closed on this line were opened there (`(a,\n b) = ...`).
 */
function targetStart(source: string, at: number): number {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  if (!/[()[\]{}]/.test(source.slice(lineStart, at))) return lineStart;
  let depth = 0;
  let i = at - 1;
  for (; i >= 0; i--) {
    const code = source.charCodeAt(i);
    if (code === 10 && depth <= 0) break;
    const b = bracket(code);
    if (b < 0) depth++;
    else if (b > 0 && --depth < 0) break;
  }
  return i + 1;
}

/** Whether the value after the `=` at `at` may hold a string: a quote on its line, or a line that continues. */
function valueMayQuote(source: string, at: number): boolean {
  const end = source.indexOf('\n', at);
  const rest = source.slice(at + 1, end < 0 ? source.length : end);
  if (/["'\\]/.test(rest)) return true;
  return (rest.match(/[([{]/g)?.length ?? 0) > (rest.match(/[)\]}]/g)?.length ?? 0);
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
  };
  for (const match of source.matchAll(/(?<![=!<>:])=(?!=)/g)) {
    const at = match.index;
    const i = scan.equals.push(at) - 1;
    const from = targetStart(source, at);
    let lastWord = '';
    let lastEnd = from;
    WORD.lastIndex = from;
    for (let word = WORD.exec(source); word && word.index < at; word = WORD.exec(source)) {
      lastWord = word[0];
      lastEnd = word.index + lastWord.length;
      const list = scan.targets.get(lastWord);
      if (!list) scan.targets.set(lastWord, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
    scan.keywordBefore.push(lastEnd <= at && source.slice(lastEnd, at).trim() === '' ? lastWord : '');
    if (valueMayQuote(source, at)) scan.quotedValues.push(i);
  }
  for (const match of source.matchAll(/\b(def|class)\s+([A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*)/g)) {
    push(match[1] === 'def' ? scan.defs : scan.classes, match[2], match.index + match[0].length - match[2].length);
  }
  for (const match of source.matchAll(/\b(return|import|from)\b/g)) (match[1] === 'return' ? scan.returns : scan.imports).push(match.index);
  return scan;
}

/** A whole name, then `(`: regular expressions run compiled from the first call, unlike a loop over characters. */
const NAME_BEFORE_PARENTHESIS = /(?<![\w\u00C0-\uFFFF])([A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*)\s*\(/g;

/** Offsets of the names directly followed by `(` that `wanted` accepts (asked once per distinct name), ascending. */
export function namesBeforeParenthesis(source: string, wanted: (name: string) => boolean): number[] {
  const decided = new Map<string, boolean>();
  const found: number[] = [];
  for (const match of source.matchAll(NAME_BEFORE_PARENTHESIS)) {
    const name = match[1];
    const start = match.index;
    let accepted = decided.get(name);
    if (accepted === undefined) {
      accepted = wanted(name);
      decided.set(name, accepted);
    }
    if (accepted) found.push(start);
  }
  return found;
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
