import type { Node } from 'web-tree-sitter';
import type { TextSpan } from './model';
import { shapeOfCall } from './python-args';
import type { PyIndex } from './python-index';
import { readString } from './python-strings';
import { definitionsOfNode, whereOf, type Where } from './python-resolve';

/**
 * Static values of small expressions: a model name (a literal, a constant, an environment
 * lookup's default), a numeric bound, and the entries of a dict or config object.
 */

const MAX_DEPTH = 6;

export interface StringValue {
  value: string;
  span: TextSpan;
}

/** The string an expression holds when it is a plain literal or a name bound to one in the file. */
export function stringValue(index: PyIndex, node: Node | null, where: Where, depth = 0): StringValue | null {
  if (!node || depth > MAX_DEPTH) return null;
  switch (node.type) {
    case 'string': {
      const literal = readString(node, index.source);
      return literal.interpolations.length > 0 ? null : { value: literal.text, span: literal.piece.span };
    }
    case 'concatenated_string':
      return null;
    case 'parenthesized_expression':
      return stringValue(index, node.namedChildren[0] ?? null, where, depth + 1);
    case 'identifier': {
      // Attributes (`self.model`) and environment lookups are configuration, not something the file fixes.
      for (const binding of definitionsOfNode(index, node, where, false).reverse()) {
        const found = stringValue(index, binding.value, whereOf(binding), depth + 1);
        if (found) return found;
      }
      return null;
    }
    case 'conditional_expression': {
      for (const part of [node.namedChildren[0], node.namedChildren[2]]) {
        const found = stringValue(index, part ?? null, where, depth + 1);
        if (found) return found;
      }
      return null;
    }
    default:
      return null;
  }
}

export type BoundValue = { kind: 'number'; value: number | null } | { kind: 'none' };

/** A numeric bound: an integer literal or constant; `None` means explicitly unbounded; anything else is unknown. */
export function boundValue(index: PyIndex, node: Node, where: Where, depth = 0): BoundValue {
  if (node.type === 'integer') {
    const value = Number(index.source.slice(node.startIndex, node.endIndex).replace(/_/g, ''));
    return { kind: 'number', value: Number.isFinite(value) ? value : null };
  }
  if (node.type === 'none') return { kind: 'none' };
  if (node.type === 'identifier' && depth < MAX_DEPTH) {
    const definitions = definitionsOfNode(index, node, where, false);
    const last = definitions[definitions.length - 1];
    if (last) return boundValue(index, last.value, whereOf(last), depth + 1);
  }
  return { kind: 'number', value: null };
}

/**
 * Entries of a dict literal (string keys), of `dict(k=v)` / `SomeConfig(k=v)` keyword arguments,
 * or of the dict a name was last assigned.
 */
export function entriesOf(index: PyIndex, node: Node | null, where: Where, depth = 0): Map<string, Node> {
  const entries = new Map<string, Node>();
  if (!node || depth > MAX_DEPTH) return entries;
  if (node.type === 'dictionary') {
    for (const pair of node.namedChildren) {
      if (!pair) continue;
      if (pair.type === 'dictionary_splat') {
        for (const [k, v] of entriesOf(index, pair.namedChildren[0] ?? null, where, depth + 1)) entries.set(k, v);
        continue;
      }
      if (pair.type !== 'pair') continue;
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      if (key?.type === 'string' && value) entries.set(readString(key, index.source).text, value);
    }
  } else if (node.type === 'call') {
    const shape = shapeOfCall(node, index);
    if (shape) {
      for (const splat of shape.splats) for (const [k, v] of entriesOf(index, splat, where, depth + 1)) entries.set(k, v);
      for (const [k, v] of shape.keywords) entries.set(k, v);
    }
  } else if (node.type === 'identifier' || node.type === 'attribute') {
    const definitions = definitionsOfNode(index, node, where, false);
    const last = definitions[definitions.length - 1];
    if (last) return entriesOf(index, last.value, whereOf(last), depth + 1);
  } else if (node.type === 'parenthesized_expression') {
    return entriesOf(index, node.namedChildren[0] ?? null, where, depth + 1);
  }
  return entries;
}
