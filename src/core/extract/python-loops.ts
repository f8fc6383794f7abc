import type { Node } from 'web-tree-sitter';
import { dottedName } from './python-index';

/**
 * Whether a call expression itself runs once per item: in the body of a for/while loop, in a
 * comprehension (`asyncio.gather(*[one(x) for x in xs])`), or in a lambda handed to `map`.
 * A function that is called in a loop elsewhere does not count: the call site is what a batch
 * fix rewrites. The iterable of a loop (`for chunk in client.stream(...)`) is not its body.
 */

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const MAP_LIKE = new Set(['map', 'starmap', 'imap', 'imap_unordered', 'map_async', 'starmap_async', 'thread_map', 'process_map']);

function within(child: Node, container: Node | null): boolean {
  return !!container && child.startIndex >= container.startIndex && child.endIndex <= container.endIndex;
}

/** `map(lambda x: ..., items)`, `executor.map(lambda ...)`. */
function isMapCallback(lambda: Node, source: string): boolean {
  const call = lambda.parent?.type === 'argument_list' ? lambda.parent.parent : null;
  if (!call || call.type !== 'call') return false;
  const name = dottedName(call.childForFieldName('function'), source) ?? '';
  return MAP_LIKE.has(name.slice(name.lastIndexOf('.') + 1));
}

export function inLoop(node: Node, source: string): boolean {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'for_statement' || parent.type === 'while_statement') {
      if (within(child, parent.childForFieldName('body'))) return true;
    } else if (COMPREHENSIONS.has(parent.type)) {
      const firstClause = parent.namedChildren.find((n) => n?.type === 'for_in_clause');
      if (!firstClause || child.id !== firstClause.id) return true;
    } else if (parent.type === 'lambda') {
      if (isMapCallback(parent, source)) return true;
    } else if (parent.type === 'function_definition' || parent.type === 'class_definition') {
      return false;
    }
  }
  return false;
}
