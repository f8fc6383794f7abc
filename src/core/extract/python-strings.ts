import type { Node } from 'web-tree-sitter';
import type { LiteralPiece } from './model';

/**
 * Reading one Python `string` node: its prefix and quote, and the text the program holds at run
 * time (escapes decoded unless raw; f-string interpolations written `{expression}`).
 */

export interface StringLiteral {
  piece: LiteralPiece;
  text: string;
  /** Interpolated expressions of an f-string, as written, in order. */
  interpolations: string[];
  /** The interpolation nodes' expressions, for resolving names that hold more prompt text. */
  expressions: Node[];
  isFString: boolean;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const ESCAPE = /\\(\r\n|\n|\r|[\\'"abfnrtv]|[0-7]{1,3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g;

/** Decodes Python escape sequences; unknown ones (`\d`, `\N{...}`) stay as written, as Python keeps them. */
export function decodePythonEscapes(raw: string, bytes: boolean): string {
  return raw.replace(ESCAPE, (whole, body: string) => {
    if (body[0] === '\n' || body[0] === '\r') return '';
    if (body in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[body];
    if (/^[0-7]/.test(body)) return String.fromCharCode(parseInt(body, 8));
    if (body[0] === 'x') return String.fromCharCode(parseInt(body.slice(1), 16));
    if (bytes) return whole;
    return String.fromCodePoint(parseInt(body.slice(1), 16));
  });
}

/** Text of an expression for use as a placeholder name: whitespace runs collapsed. */
export function expressionName(source: string, node: Node): string {
  return source.slice(node.startIndex, node.endIndex).replace(/\s+/g, ' ').trim();
}

const OPENING = /[A-Za-z]*('''|"""|'|")/y;

/** Reads a `string` node. */
export function readString(node: Node, source: string): StringLiteral {
  const plain = plainString(node, source);
  if (plain) return plain;
  let startEnd = node.startIndex;
  let endStart = node.endIndex;
  let opening = '';
  const interpolationNodes: Node[] = [];
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'string_start') {
      opening = source.slice(child.startIndex, child.endIndex);
      startEnd = child.endIndex;
    } else if (child.type === 'string_end') {
      endStart = child.startIndex;
    } else if (child.type === 'interpolation') {
      interpolationNodes.push(child);
    }
  }
  return readParts(node, source, opening, startEnd, endStart, interpolationNodes);
}

/**
 * A string without interpolations read from the text alone, or null when its children are needed
 * (f- and t-strings, strings with syntax errors): reading children from the tree costs far more.
 */
function plainString(node: Node, source: string): StringLiteral | null {
  const start = node.startIndex;
  OPENING.lastIndex = start;
  const opening = OPENING.exec(source)?.[0];
  if (!opening || /[ft]/i.test(opening)) return null;
  const quote = opening.slice(opening.search(/['"]/));
  const end = node.endIndex;
  const endStart = end - quote.length;
  if (endStart < start + opening.length || !source.startsWith(quote, endStart) || node.hasError) return null;
  return readParts(node, source, opening, start + opening.length, endStart, []);
}

function readParts(node: Node, source: string, opening: string, startEnd: number, endStart: number, interpolationNodes: Node[]): StringLiteral {
  const prefixLength = opening.search(/['"]/);
  const prefix = prefixLength < 0 ? '' : opening.slice(0, prefixLength);
  const quote = prefixLength < 0 ? opening : opening.slice(prefixLength);
  const lower = prefix.toLowerCase();
  const raw = lower.includes('r');
  const bytes = lower.includes('b');
  const isFString = lower.includes('f') || lower.includes('t');

  const decode = (segment: string): string => {
    const unescaped = raw ? segment : decodePythonEscapes(segment, bytes);
    return isFString ? unescaped.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : unescaped;
  };

  let text = '';
  let cursor = startEnd;
  const interpolations: string[] = [];
  const expressions: Node[] = [];
  for (const interpolation of interpolationNodes) {
    text += decode(source.slice(cursor, interpolation.startIndex));
    const expression = interpolation.childForFieldName('expression') ?? interpolation.namedChildren[0];
    const name = expression ? expressionName(source, expression) : '';
    text += `{${name}}`;
    if (expression) expressions.push(expression);
    if (name) interpolations.push(name);
    cursor = interpolation.endIndex;
  }
  text += decode(source.slice(cursor, Math.max(cursor, endStart)));
  return {
    piece: { span: { start: node.startIndex, end: node.endIndex }, quote, prefix },
    text,
    interpolations,
    expressions,
    isFString,
  };
}

/** `textwrap.dedent`: removes the whitespace prefix common to all non-blank lines; blank lines become empty. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let common: string | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (common === null || !indent.startsWith(common)) {
      let i = 0;
      while (common !== null && i < common.length && i < indent.length && common[i] === indent[i]) i++;
      common = common === null ? indent : common.slice(0, i);
    }
  }
  const cut = common?.length ?? 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(cut))).join('\n');
}

/** `inspect.cleandoc`: first line stripped, the rest dedented, blank lines at both ends dropped. */
export function cleandoc(text: string): string {
  const lines = text.replace(/\t/g, '        ').split('\n');
  const first = lines[0].trimStart();
  const rest = dedent(lines.slice(1).join('\n')).split('\n');
  const all = [first, ...rest];
  while (all.length > 0 && all[0].trim() === '') all.shift();
  while (all.length > 0 && all[all.length - 1].trim() === '') all.pop();
  return all.join('\n');
}
