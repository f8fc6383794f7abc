import type { Node } from 'web-tree-sitter';
import type { LiteralPiece, PromptConstruction } from './model';
import { frameworkSlots, mustacheSlots } from './prompt-text';
import type { PyIndex } from './python-index';
import { cleandoc, dedent, expressionName, readString } from './python-strings';

/**
 * The text a Python string expression builds: literals, f-strings, implicit and `+`
 * concatenation, `%` and `.format` formatting, `sep.join([...])`, `textwrap.dedent`,
 * `inspect.cleandoc` and `.strip()`. Whatever is not a literal becomes a `{name}` placeholder
 * and is handed back in `refs`, so the caller can look for prompt text behind it.
 */

export interface Evaluated {
  text: string;
  pieces: LiteralPiece[];
  /** Interpolated expressions and placeholders written `{name}` in `text`. */
  interpolations: string[];
  construction: PromptConstruction;
  /** Expressions whose value is not known here (names, calls) and became placeholders. */
  refs: Node[];
}

const MAX_DEPTH = 200;

/** A non-literal expression standing in a text as `{expression}`. */
export function opaque(node: Node, source: string): Evaluated {
  const name = expressionName(source, node);
  return { text: `{${name}}`, pieces: [], interpolations: [name], construction: 'literal', refs: [node] };
}

function join(parts: Evaluated[], separator: string, construction: PromptConstruction): Evaluated {
  return {
    text: parts.map((p) => p.text).join(separator),
    pieces: parts.flatMap((p) => p.pieces),
    interpolations: parts.flatMap((p) => p.interpolations),
    construction,
    refs: parts.flatMap((p) => p.refs),
  };
}

function calleeName(call: Node, source: string): { object: Node | null; method: string } {
  const fn = call.childForFieldName('function');
  if (!fn) return { object: null, method: '' };
  if (fn.type === 'attribute') {
    const attribute = fn.childForFieldName('attribute');
    return { object: fn.childForFieldName('object'), method: attribute ? source.slice(attribute.startIndex, attribute.endIndex) : '' };
  }
  return { object: null, method: source.slice(fn.startIndex, fn.endIndex) };
}

function argumentsOf(call: Node): { positional: Node[]; keywords: Map<string, Node> } {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (name && value) keywords.set(name.text, value);
    } else if (arg.type !== 'list_splat' && arg.type !== 'dictionary_splat') {
      positional.push(arg);
    }
  }
  return { positional, keywords };
}

const PERCENT = /%(?:\(([^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([diouxXeEfFgGcrsab%])/g;

/** `"... %s ... %(name)s" % args`: conversions become `{argument}` / `{name}`. */
function percentFormat(template: Evaluated, args: Node, source: string): Evaluated {
  const values = args.type === 'tuple' ? args.namedChildren.filter((n): n is Node => !!n) : [args];
  const names: string[] = [];
  let next = 0;
  const text = template.text.replace(PERCENT, (_whole, key: string | undefined, conversion: string) => {
    if (conversion === '%') return '%';
    const value = key ?? (values[next] ? expressionName(source, values[next]!) : `${next}`);
    if (key === undefined) next++;
    names.push(value);
    return `{${value}}`;
  });
  const refs = args.type === 'dictionary' ? [] : values;
  return { ...template, text, interpolations: [...template.interpolations, ...names], construction: 'percent', refs: [...template.refs, ...refs] };
}

/** `"...{}...{name}...".format(a, name=b)`: positional slots take the argument's text, named slots keep their name. */
function strFormat(template: Evaluated, call: Node, source: string): Evaluated {
  const { positional, keywords } = argumentsOf(call);
  const names: string[] = [];
  let auto = 0;
  const text = template.text.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (whole, field: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const root = (field ?? '').split(/[!:]/)[0];
    let name = root;
    if (root === '' || /^\d+$/.test(root)) {
      const index = root === '' ? auto++ : Number(root);
      name = positional[index] ? expressionName(source, positional[index]) : `${index}`;
    }
    names.push(name);
    return `{${name}}`;
  });
  return {
    ...template,
    text,
    interpolations: [...template.interpolations, ...names],
    construction: 'format',
    refs: [...template.refs, ...positional, ...keywords.values()],
  };
}

const STRIPS: Record<string, (s: string) => string> = {
  strip: (s) => s.trim(),
  lstrip: (s) => s.trimStart(),
  rstrip: (s) => s.trimEnd(),
};

function evaluateCall(call: Node, source: string, depth: number): Evaluated | null {
  const { object, method } = calleeName(call, source);
  const args = argumentsOf(call);
  if (method === 'format' && object) {
    const template = evaluate(object, source, depth + 1);
    return template ? strFormat(template, call, source) : null;
  }
  if (method === 'join' && object && args.positional.length === 1) {
    const separator = evaluate(object, source, depth + 1);
    const list = args.positional[0];
    if (!separator || (list.type !== 'list' && list.type !== 'tuple')) return null;
    const items = list.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
    const parts = items.map((item) => evaluate(item, source, depth + 1) ?? opaque(item, source));
    if (!parts.some((p) => p.pieces.length > 0)) return null;
    const joined = join(parts, separator.text, 'join');
    joined.pieces = [...separator.pieces, ...joined.pieces].sort((a, b) => a.span.start - b.span.start);
    return joined;
  }
  if ((method === 'dedent' || method === 'cleandoc') && args.positional.length === 1) {
    const inner = evaluate(args.positional[0], source, depth + 1);
    if (!inner) return null;
    return { ...inner, text: method === 'dedent' ? dedent(inner.text) : cleandoc(inner.text) };
  }
  if (method in STRIPS && object && args.positional.length === 0) {
    const inner = evaluate(object, source, depth + 1);
    return inner ? { ...inner, text: STRIPS[method](inner.text) } : null;
  }
  return null;
}

function evaluate(node: Node, source: string, depth: number): Evaluated | null {
  if (depth > MAX_DEPTH) return null;
  switch (node.type) {
    case 'string': {
      const literal = readString(node, source);
      return {
        text: literal.text,
        pieces: [literal.piece],
        interpolations: literal.interpolations,
        construction: literal.isFString ? 'f-string' : 'literal',
        refs: literal.expressions,
      };
    }
    case 'concatenated_string': {
      const parts = node.namedChildren.filter((n): n is Node => !!n && n.type === 'string').map((n) => evaluate(n, source, depth + 1)!);
      return join(parts, '', 'concatenation');
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((n) => n && n.type !== 'comment');
      return inner ? evaluate(inner, source, depth + 1) : null;
    }
    case 'binary_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const operator = node.childForFieldName('operator');
      if (!left || !right || !operator) return null;
      const op = source.slice(operator.startIndex, operator.endIndex);
      if (op === '%') {
        const template = evaluate(left, source, depth + 1);
        return template ? percentFormat(template, right, source) : null;
      }
      if (op !== '+') return null;
      const a = evaluate(left, source, depth + 1);
      const b = evaluate(right, source, depth + 1);
      if (!a && !b) return null;
      return join([a ?? opaque(left, source), b ?? opaque(right, source)], '', 'concatenation');
    }
    case 'call':
      return evaluateCall(node, source, depth);
    default:
      return null;
  }
}

/** The text a string expression builds, or null when the expression is not one with a literal in it. Kept per node: callers share the result and must not change it. */
export function evaluateText(node: Node, index: PyIndex): Evaluated | null {
  let result = index.texts.get(node.id);
  if (result === undefined) {
    result = evaluate(node, index.source, 0);
    index.texts.set(node.id, result);
  }
  return result;
}

/** Placeholders in order of first appearance in the text, each once: interpolations, then `{slot}` and `{{ slot }}` slots. */
export function placeholdersOf(evaluated: Evaluated): string[] {
  const names = new Set<string>([...evaluated.interpolations, ...frameworkSlots(evaluated.text), ...mustacheSlots(evaluated.text)]);
  const position = (name: string): number => {
    const at = evaluated.text.indexOf(`{${name}`);
    return at < 0 ? evaluated.text.indexOf(name) : at;
  };
  return [...names].sort((a, b) => position(a) - position(b));
}
