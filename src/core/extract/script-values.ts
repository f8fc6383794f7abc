import type { Node } from 'web-tree-sitter';
import type { OutputBound, OutputBoundOrigin, TextSpan } from './model';
import { type ScriptIndex, resolveBinding } from './script-index';
import { calleeOf, decodeEscapes, dottedName, literalText, unwrap } from './script-strings';

/**
 * Static values of JS/TS expressions within one file: what an identifier is bound to, the keys
 * of an options object, numbers for output bounds, the model string of a call.
 */

const MAX_HOPS = 8;

const PAIR_KEY = /^(?:([\w$]+)|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')\s*:/;

/** Key of an object pair or shorthand property (`model`, `"max_tokens"`), or null for computed keys. */
export function keyName(member: Node): string | null {
  if (member.type === 'shorthand_property_identifier') return member.text;
  if (member.type !== 'pair') return null;
  // Read from the text: this runs on every pair of the file.
  const m = PAIR_KEY.exec(member.text);
  if (!m) return null;
  return m[1] ?? decodeEscapes(m[2] ?? m[3]);
}

/** The value a member stands for: a pair's value, or the shorthand identifier itself. */
export function memberValue(member: Node): Node | null {
  return member.type === 'shorthand_property_identifier' ? member : member.childForFieldName('value');
}

export function spanOf(node: Node): TextSpan {
  return { start: node.startIndex, end: node.endIndex };
}

export class ScriptValues {
  /** Nesting of member lookups, which can chase each other in cyclic code. */
  private nesting = 0;
  private readonly callees = new Map<number, string>();
  private readonly memberMaps = new Map<number, ReadonlyMap<string, Node>>();

  constructor(readonly index: ScriptIndex) {}

  /** The dotted callee of a call or `new`, computed once per node: several passes ask for it. */
  callee(call: Node): string {
    let name = this.callees.get(call.id);
    if (name === undefined) this.callees.set(call.id, (name = calleeOf(call)));
    return name;
  }

  /** The expression a name is bound to where `node` uses it; null when unbound or a parameter. */
  boundValue(node: Node): Node | null {
    if (this.nesting > MAX_HOPS) return null;
    this.nesting++;
    try {
      return this.lookUp(unwrap(node));
    } finally {
      this.nesting--;
    }
  }

  private lookUp(n: Node): Node | null {
    const name = n.type === 'shorthand_property_identifier' ? n.text : dottedName(n);
    if (name === null) return null;
    const binding = resolveBinding(this.index, name, n.startIndex);
    if (binding) return binding.value;
    // `PROMPTS.summarize` on a local object literal.
    const object = n.type === 'member_expression' ? n.childForFieldName('object') : null;
    const property = n.childForFieldName('property')?.text;
    if (!object || !property || object.type === 'this') return null;
    const member = this.members(this.objectOf(object)).get(property);
    return member ? memberValue(member) : null;
  }

  /** Follows identifiers to the expression they are bound to (a = b = "x" gives "x"). */
  valueOf(node: Node): Node {
    let n = unwrap(node);
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (!isReference(n)) return n;
      const next = this.boundValue(n);
      if (!next) return n;
      n = unwrap(next);
      if (n.type === 'await_expression' && n.namedChildren[0]) n = unwrap(n.namedChildren[0]);
    }
    return n;
  }

  /** The object literal an expression is or is bound to, or null. */
  objectOf(node: Node | null): Node | null {
    if (!node) return null;
    const value = this.valueOf(node);
    return value.type === 'object' ? value : null;
  }

  /**
   * Members of an object literal by key; spread members are followed when they resolve to objects.
   * Options objects are asked for many times; a top-level answer is kept (answers given inside a
   * chain of lookups may be cut short by MAX_HOPS, so those are not).
   */
  members(object: Node | null, depth = 0): ReadonlyMap<string, Node> {
    const cacheable = object !== null && depth === 0 && this.nesting === 0;
    const cached = cacheable ? this.memberMaps.get(object.id) : undefined;
    if (cached) return cached;
    const out = new Map<string, Node>();
    if (!object || depth > 3) return out;
    for (const member of object.namedChildren) {
      if (!member) continue;
      if (member.type === 'spread_element' && member.namedChildren[0]) {
        for (const [k, v] of this.members(this.objectOf(member.namedChildren[0]), depth + 1)) if (!out.has(k)) out.set(k, v);
        continue;
      }
      const key = keyName(member);
      if (key !== null) out.set(key, member);
    }
    if (cacheable) this.memberMaps.set(object.id, out);
    return out;
  }

  /** A numeric literal, or a constant bound to one; null otherwise. */
  numberOf(node: Node): number | null {
    const value = this.valueOf(node);
    if (value.type !== 'number') return null;
    const n = Number(value.text.replace(/_/g, ''));
    return Number.isFinite(n) ? n : null;
  }

  /** The first member of `object` named in `params`, as an output bound. */
  boundIn(object: Node | null, params: readonly string[], origin: OutputBoundOrigin): OutputBound | null {
    if (!object) return null;
    const members = this.members(object);
    for (const param of params) {
      const member = members.get(param);
      const value = member ? memberValue(member) : null;
      if (member && value) return { value: this.numberOf(value), parameter: param, origin, span: spanOf(member) };
    }
    return null;
  }

  /** A string constant: the literal an expression is or is bound to, with the literal's node. */
  stringOf(node: Node): { value: string; node: Node } | null {
    const value = this.valueOf(node);
    const text = literalText(value);
    if (text !== null) return { value: text, node: value };
    // `process.env.MODEL ?? "gpt-4o"`: the literal default is what runs without configuration.
    if (value.type === 'binary_expression') {
      const op = value.childForFieldName('operator')?.type;
      const right = value.childForFieldName('right');
      if ((op === '??' || op === '||') && right) return this.stringOf(right);
    }
    return null;
  }
}

/** True for an identifier or member chain that may be bound in the file. */
export function isReference(node: Node): boolean {
  return node.type === 'identifier' || node.type === 'shorthand_property_identifier' || node.type === 'member_expression';
}
