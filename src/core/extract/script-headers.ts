/**
 * Function headers read from the source text: the name and parameter names of a function,
 * arrow or method, without touching its nodes. A file has thousands of functions and each node
 * access crosses into WASM, so the common plain headers are read here; anything unusual
 * (destructuring, defaults, decorators, comments, computed names) returns null and the caller
 * reads the tree instead.
 */

export interface Header {
  /** The declared name; null for anonymous functions and arrows. */
  name: string | null;
  params: string[];
  /** For arrows: whether the body is a `{ ... }` block; null when not known from the text. */
  blockBody: boolean | null;
}

/** Headers longer than this are left to the tree. */
export const MAX_HEADER = 600;

const FUNCTION_HEAD = /^(?:async\s+)?function\b\s*(?:\*\s*)?([\w$]*)\s*(?:<[^()]*?>)?\s*\(/;
const METHOD_HEAD = /^(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\s+|\*\s*)*(#?[\w$]+)\s*\??\s*(?:<[^()]*?>)?\s*\(/;
const ARROW_SINGLE = /^(?:async\s+)?([\w$]+)\s*=>\s*/;
const ARROW_HEAD = /^(?:async\s*)?(?:<[^()]*?>)?\s*\(/;
/** One plain parameter: modifiers, an optional rest, a name, an optional `?` and a type without defaults. */
const PLAIN_PARAM = /^\s*(?:(?:public|private|protected|readonly|override)\s+)*(?:\.\.\.)?([\w$]+)\s*\??\s*(?::[^=]*)?$/;
const ARROW_TOKEN = /=>/g;
const ARROW_AFTER_PARAMS = /^\s*=>\s*/;

/** Whether the arrow body starting at `at` is a block; null when a comment or the cut-off hides it. */
function isBlock(head: string, at: number): boolean | null {
  if (at >= head.length || head[at] === '/') return null;
  return head[at] === '{';
}

/** Parameter names of the list that starts after `open`, or null when it is not plain. */
function paramList(source: string, open: number): { names: string[]; close: number } | null {
  let depth = 0;
  let close = -1;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        close = i;
        break;
      }
      depth--;
    } else if (c === '"' || c === "'" || c === '`' || c === '/' || c === '@' || (c === '=' && source[i + 1] !== '>')) {
      return null;
    }
  }
  if (close < 0) return null;
  const list = source.slice(open, close).replace(ARROW_TOKEN, '  ');
  const names: string[] = [];
  let nesting = 0;
  let from = 0;
  for (let i = 0; i <= list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[' || c === '{' || c === '<') nesting++;
    else if (c === ')' || c === ']' || c === '}' || c === '>') nesting--;
    else if ((c === ',' && nesting === 0) || i === list.length) {
      const piece = list.slice(from, i);
      from = i + 1;
      // `()` and a trailing comma leave an empty last piece.
      if (piece.trim() === '' && i === list.length) continue;
      const m = PLAIN_PARAM.exec(piece);
      if (!m) return null;
      if (m[1] !== 'this') names.push(m[1]);
    }
  }
  return nesting === 0 ? { names, close } : null;
}

/**
 * The header of a function whose source starts at the beginning of `source`. `kind` is
 * `method` for method definitions, `arrow` for arrow functions, `function` for the rest.
 */
export function readHeader(source: string, kind: 'function' | 'method' | 'arrow'): Header | null {
  const head = source.length > MAX_HEADER ? source.slice(0, MAX_HEADER) : source;
  if (kind === 'arrow') {
    const single = ARROW_SINGLE.exec(head);
    if (single) return { name: null, params: [single[1]], blockBody: isBlock(head, single[0].length) };
    const m = ARROW_HEAD.exec(head);
    const list = m ? paramList(head, m[0].length) : null;
    if (!list) return null;
    // A return type (`): string =>`) may itself hold `=>`: then the body is left to the tree.
    const arrow = ARROW_AFTER_PARAMS.exec(head.slice(list.close + 1));
    return { name: null, params: list.names, blockBody: arrow ? isBlock(head, list.close + 1 + arrow[0].length) : null };
  }
  const m = (kind === 'method' ? METHOD_HEAD : FUNCTION_HEAD).exec(head);
  const list = m ? paramList(head, m[0].length) : null;
  if (!m || !list) return null;
  return { name: m[1] || null, params: list.names, blockBody: null };
}
