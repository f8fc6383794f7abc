import type { Node } from 'web-tree-sitter';
import type { LiteralPiece, PromptConstruction } from './model';
import { frameworkSlots, mustacheSlots } from './prompt-text';

/**
 * String values of JS/TS expressions: literals, template literals, tagged templates, `+` chains,
 * `[...].join(sep)` and `.trim()`, with their literal pieces kept so fixes can rewrite them.
 * Anything that is not a literal becomes a `{expression}` placeholder.
 */

/** A resolved string expression. */
export interface StringValue {
  /** The expression the value was read from (the prompt's anchor). */
  node: Node;
  text: string;
  /** The text with interpolations left out, for judgements that must not read `{expr}` as a slot. */
  literalOnly: string;
  pieces: LiteralPiece[];
  placeholders: string[];
  construction: PromptConstruction;
  /** Identifiers and calls interpolated into the text, which may carry prompt text of their own. */
  refs: Node[];
}

/** Looks an identifier up for `lines.join("\n")` on a local array; null when it is not one. */
export type ValueLookup = (identifier: Node) => Node | null;

type Part = { literal: string } | { expr: string };

interface Builder {
  parts: Part[];
  pieces: LiteralPiece[];
  refs: Node[];
}

const ESCAPE = /\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|[\s\S])/g;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '\n': '', '\r': '', '\r\n': '', '\u2028': '', '\u2029': '' };

/** The cooked value of the characters between a JS string's quotes. */
export function decodeEscapes(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(ESCAPE, (_m, e: string) => {
    if (e in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[e];
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e[1] === '{' ? e.slice(2, -1) : e.slice(1), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return e;
  });
}

/** Removes the indentation common to all non-blank lines and the blank first and last lines, as `dedent` tags do. */
function dedentText(text: string): string {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[0].trim() === '') lines.shift();
  if (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (!Number.isFinite(indent) || indent === 0) return lines.join('\n');
  return lines.map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
}

/** How each known template tag turns its cooked text into the final string. */
const TAG_TRANSFORMS: Record<string, (text: string) => string> = {
  dedent: dedentText,
  outdent: dedentText,
  endent: dedentText,
  stripIndent: dedentText,
  codeBlock: dedentText,
  source: dedentText,
  stripIndents: (t) => t.replace(/^[ \t]+/gm, '').trim(),
  oneLine: (t) => t.replace(/\s*\n\s*/g, ' ').trim(),
  oneLineTrim: (t) => t.replace(/\s*\n\s*/g, '').trim(),
};

/** Tags whose template is code or markup, never a prompt. */
const NON_PROMPT_TAGS = /^(sql|gql|graphql|css|html|svg|keyframes|createGlobalStyle|injectGlobal|md|markdown|styled(\.\w+)?|Prisma\.sql|raw)$/;

/** Collapses an interpolated expression's text to one line, for a `{name}` placeholder. */
function placeholderName(node: Node): string {
  return node.text.replace(/\s+/g, ' ').trim();
}

function pieceOf(node: Node, quote: string): LiteralPiece {
  return { span: { start: node.startIndex, end: node.endIndex }, quote, prefix: '' };
}

/** A `"..."` or `'...'` literal. */
function addString(node: Node, out: Builder): void {
  const raw = node.text;
  out.parts.push({ literal: decodeEscapes(raw.slice(1, -1)) });
  out.pieces.push(pieceOf(node, raw[0]));
}

/** A template literal; `${}` substitutions become placeholders, `cooked` false keeps escapes (String.raw). */
function addTemplate(node: Node, out: Builder, cooked: boolean): void {
  const text = node.text;
  const base = node.startIndex;
  let from = 1;
  const literal = (end: number) => {
    const raw = text.slice(from, end).replace(/\r\n?/g, '\n');
    if (raw) out.parts.push({ literal: cooked ? decodeEscapes(raw) : raw });
  };
  for (const child of node.namedChildren) {
    if (!child || child.type !== 'template_substitution') continue;
    literal(child.startIndex - base);
    const expr = child.namedChildren[0];
    if (expr) {
      out.parts.push({ expr: placeholderName(expr) });
      out.refs.push(expr);
    }
    from = child.endIndex - base;
  }
  literal(text.length - 1);
  out.pieces.push(pieceOf(node, '`'));
}

/** Strips wrappers that do not change a value: parentheses, `as`, `satisfies`, `!`. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case 'parenthesized_expression':
      case 'as_expression':
      case 'satisfies_expression':
      case 'non_null_expression':
      case 'type_assertion': {
        const inner = n.type === 'type_assertion' ? n.namedChildren[1] : n.namedChildren[0];
        if (!inner) return n;
        n = inner;
        break;
      }
      default:
        return n;
    }
  }
}

/** The dotted name of an identifier or member chain (`this.client.chat`), ignoring `?.`; null for anything else. */
export function dottedName(node: Node): string | null {
  const n = unwrap(node);
  switch (n.type) {
    case 'identifier':
    case 'property_identifier':
    case 'shorthand_property_identifier':
    case 'type_identifier':
      return n.text;
    case 'this':
      return 'this';
    case 'member_expression': {
      const object = n.childForFieldName('object');
      const property = n.childForFieldName('property');
      if (!object || !property) return null;
      const left = dottedName(object);
      return left === null ? null : `${left}.${property.text}`;
    }
    default:
      return null;
  }
}

const PLAIN_CALLEE = /^([\w$]+(?:\s*\??\.\s*#?[\w$]+)*)\s*(?:\?\.\s*)?\(/;
const PLAIN_CONSTRUCTOR = /^new\s+([\w$]+(?:\s*\.\s*[\w$]+)*)\s*[(<]/;
const CHAINED = /\)\s*(\?\.|\.|\(|\[|`)/;

/**
 * The callee of a call or `new` as a dotted name (`client.chat.completions.create`, `ChatOpenAI`),
 * read from the source text when it is a plain path: files have tens of thousands of calls and
 * this runs on each, so it avoids walking the callee's nodes. Other callees are read from the tree.
 */
export function calleeOf(call: Node): string {
  const isNew = call.type === 'new_expression';
  const text = call.text;
  const plain = (isNew ? PLAIN_CONSTRUCTOR : PLAIN_CALLEE).exec(text);
  // In `a.b(x).c(y)` the first parenthesis is not the call's own. Without any `).`, `)(` or `)[`
  // in the text it must be; otherwise ask the tree where the arguments start.
  if (plain && (isNew || !CHAINED.test(text.slice(plain[0].length)) || call.childForFieldName('arguments')?.startIndex === call.startIndex + plain[0].length - 1)) {
    return plain[1].replace(/\s+/g, '').replace(/\?\./g, '.');
  }
  const fn = call.childForFieldName(isNew ? 'constructor' : 'function');
  return fn ? (dottedName(fn) ?? fn.text.replace(/\s+/g, '').replace(/\?\./g, '.')) : '';
}

/** Name of a template tag, or of a call's callee, as written (`dedent`, `String.raw`, `common.stripIndent`). */
function tagName(fn: Node): string {
  return dottedName(fn) ?? fn.text;
}

/** The last segment of a dotted name. */
export function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

/**
 * Adds the parts of `node` to `out`; returns how it was built, or null when `node` is not a
 * string expression at all (then `out` is left as it was).
 */
function evaluate(node: Node, out: Builder, lookup: ValueLookup, depth: number): PromptConstruction | null {
  if (depth > 40) return null;
  const n = unwrap(node);
  switch (n.type) {
    case 'string':
      addString(n, out);
      return 'literal';
    case 'template_string':
      addTemplate(n, out, true);
      return 'template-literal';
    case 'binary_expression': {
      if (n.childForFieldName('operator')?.type !== '+') return null;
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (!left || !right) return null;
      const parts = out.parts.length;
      const refs = out.refs.length;
      const l = evaluateOperand(left, out, lookup, depth + 1);
      const r = evaluateOperand(right, out, lookup, depth + 1);
      // A sum with no string in it is arithmetic, not text.
      if (!l && !r) {
        out.parts.length = parts;
        out.refs.length = refs;
        return null;
      }
      return 'concatenation';
    }
    case 'call_expression':
      return evaluateCall(n, out, lookup, depth);
    default:
      return null;
  }
}

/** An operand of `+`: a string expression, or a placeholder for anything else. */
function evaluateOperand(node: Node, out: Builder, lookup: ValueLookup, depth: number): boolean {
  if (evaluate(node, out, lookup, depth)) return true;
  const n = unwrap(node);
  out.parts.push({ expr: placeholderName(n) });
  out.refs.push(n);
  return false;
}

/** Applies a text transform to the parts added since `from`, folding them into one literal. */
function applyTransformToTail(out: Builder, from: number, transform: (text: string) => string): void {
  const tail = out.parts.splice(from);
  const hasExpr = tail.some((p) => 'expr' in p);
  if (!hasExpr) {
    out.parts.push({ literal: transform(tail.map((p) => ('literal' in p ? p.literal : '')).join('')) });
    return;
  }
  // Keep placeholders recognisable: transform the joined text and split it back on the markers.
  const marker = '\u0000';
  const exprs = tail.filter((p): p is { expr: string } => 'expr' in p);
  const joined = tail.map((p) => ('literal' in p ? p.literal.split(marker).join('') : marker)).join('');
  transform(joined)
    .split(marker)
    .forEach((lit, i) => {
      if (lit) out.parts.push({ literal: lit });
      if (i < exprs.length) out.parts.push(exprs[i]);
    });
}

const TRIMS: Record<string, (t: string) => string> = {
  trim: (t) => t.trim(),
  trimStart: (t) => t.trimStart(),
  trimEnd: (t) => t.trimEnd(),
  trimLeft: (t) => t.trimStart(),
  trimRight: (t) => t.trimEnd(),
};

/** A tagged template, `.trim()` or `.join(...)` ends this way; other calls are not read as strings. */
const STRING_CALL_TAIL = /(`|\.\s*(trim\w*|join)\s*\([^()]*\))\s*$/;

function evaluateCall(n: Node, out: Builder, lookup: ValueLookup, depth: number): PromptConstruction | null {
  if (!STRING_CALL_TAIL.test(n.text.slice(-120))) return null;
  const fn = n.childForFieldName('function');
  const args = n.childForFieldName('arguments');
  if (!fn || !args) return null;
  if (args.type === 'template_string') {
    const tag = tagName(fn);
    if (NON_PROMPT_TAGS.test(tag)) return null;
    const start = out.parts.length;
    addTemplate(args, out, tag !== 'String.raw');
    const transform = TAG_TRANSFORMS[lastName(tag)] ?? null;
    if (transform) applyTransformToTail(out, start, transform);
    return 'tagged-template';
  }
  if (fn.type !== 'member_expression') return null;
  const method = fn.childForFieldName('property')?.text ?? '';
  const receiver = fn.childForFieldName('object');
  if (!receiver) return null;
  if (method in TRIMS) {
    const start = out.parts.length;
    const inner = evaluate(receiver, out, lookup, depth + 1);
    if (!inner) return null;
    applyTransformToTail(out, start, TRIMS[method]);
    return inner;
  }
  if (method === 'join') return evaluateJoin(receiver, args, out, lookup, depth);
  return null;
}

/** `[a, b].join(sep)` or `lines.join(sep)` on a local array literal. */
function evaluateJoin(receiver: Node, args: Node, out: Builder, lookup: ValueLookup, depth: number): PromptConstruction | null {
  let array: Node | null = unwrap(receiver);
  if (array.type === 'identifier') array = lookup(array);
  if (!array || unwrap(array).type !== 'array') return null;
  array = unwrap(array);
  const sepNode = args.namedChildren[0];
  let separator = ',';
  if (sepNode) {
    const sep: Builder = { parts: [], pieces: [], refs: [] };
    if (!evaluate(sepNode, sep, lookup, depth + 1) || sep.parts.some((p) => 'expr' in p)) return null;
    separator = sep.parts.map((p) => ('literal' in p ? p.literal : '')).join('');
  }
  const piecesBefore = out.pieces.length;
  let first = true;
  for (const element of array.namedChildren) {
    if (!element || element.type === 'comment') continue;
    if (!first) out.parts.push({ literal: separator });
    first = false;
    if (element.type === 'spread_element') {
      out.parts.push({ expr: placeholderName(element) });
      continue;
    }
    evaluateOperand(element, out, lookup, depth + 1);
  }
  if (out.pieces.length === piecesBefore) return null;
  return 'join';
}

/** Placeholders in order: interpolations, then the framework slots of each literal run. */
function placeholdersOf(parts: Part[]): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  let run = '';
  const flush = () => {
    frameworkSlots(run).forEach(add);
    mustacheSlots(run).forEach(add);
    run = '';
  };
  for (const part of parts) {
    if ('literal' in part) {
      run += part.literal;
    } else {
      flush();
      add(part.expr);
    }
  }
  flush();
  return names;
}

/**
 * The string value of an expression, or null when it is not built from string literals.
 * `lookup` resolves identifiers for `.join` receivers; other identifiers stay placeholders.
 */
export function stringValue(node: Node, lookup: ValueLookup): StringValue | null {
  const out: Builder = { parts: [], pieces: [], refs: [] };
  const construction = evaluate(node, out, lookup, 0);
  if (!construction || out.pieces.length === 0) return null;
  out.pieces.sort((a, b) => a.span.start - b.span.start);
  let placeholders: string[] | null = null;
  return {
    node: unwrap(node),
    text: out.parts.map((p) => ('literal' in p ? p.literal : `{${p.expr}}`)).join(''),
    literalOnly: out.parts.map((p) => ('literal' in p ? p.literal : ' ')).join(''),
    pieces: out.pieces,
    // Most values are judged and dropped: their slots are read only for those that become sites.
    get placeholders() {
      return (placeholders ??= placeholdersOf(out.parts));
    },
    construction,
    refs: out.refs,
  };
}

/** The value of a non-string expression used as text: one `{expression}` placeholder, no pieces. */
export function placeholderValue(node: Node): StringValue {
  const name = placeholderName(node);
  return { node, text: `{${name}}`, literalOnly: ' ', pieces: [], placeholders: [name], construction: 'concatenation', refs: [node] };
}

/** One text built from several values in order (`let p = "..."; p += "..."`), anchored at the first. */
export function concatValues(values: StringValue[]): StringValue {
  const placeholders: string[] = [];
  for (const v of values) for (const p of v.placeholders) if (!placeholders.includes(p)) placeholders.push(p);
  return {
    node: values[0].node,
    text: values.map((v) => v.text).join(''),
    literalOnly: values.map((v) => v.literalOnly).join(''),
    pieces: values.flatMap((v) => v.pieces),
    placeholders,
    construction: values.length > 1 ? 'concatenation' : values[0].construction,
    refs: values.flatMap((v) => v.refs),
  };
}

/** The plain text of a string literal with no interpolation (`"system"`, `'gpt-4o'`), else null. */
export function literalText(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === 'string') return decodeEscapes(n.text.slice(1, -1));
  if (n.type === 'template_string' && !n.namedChildren.some((c) => c?.type === 'template_substitution')) {
    return decodeEscapes(n.text.slice(1, -1));
  }
  return null;
}
