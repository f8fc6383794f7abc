import type { Node } from 'web-tree-sitter';
import { dottedName, type PyIndex } from './python-index';

/**
 * Whether a call runs once per item: in the body of a for/while loop, in a comprehension, in a
 * lambda handed to `map`, or in a function that is itself called in a loop in this file
 * (`asyncio.gather(*[one(x) for x in xs])`, `for x in xs: process(x)`, `pool.map(process, xs)`).
 */

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const MAP_LIKE = new Set(['map', 'starmap', 'imap', 'imap_unordered', 'map_async', 'starmap_async', 'thread_map', 'process_map']);
/** Method names too common to follow from a call by name alone. */
const GENERIC_METHODS = new Set(['run', 'call', '__call__', 'get', 'main', 'invoke', 'execute', 'process', 'handle', 'create']);
const MAX_FUNCTION_HOPS = 3;

function within(child: Node, container: Node | null): boolean {
  return !!container && child.startIndex >= container.startIndex && child.endIndex <= container.endIndex;
}

export class LoopTester {
  private readonly functionMemo = new Map<number, boolean>();
  private byName: Map<string, Node[]> | undefined;

  constructor(private readonly index: PyIndex) {}

  inLoop(node: Node, hops = 0): boolean {
    let child = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      switch (parent.type) {
        case 'for_statement':
        case 'while_statement':
          if (within(child, parent.childForFieldName('body'))) return true;
          break;
        case 'list_comprehension':
        case 'set_comprehension':
        case 'dictionary_comprehension':
        case 'generator_expression': {
          const firstClause = parent.namedChildren.find((n) => n?.type === 'for_in_clause');
          if (!firstClause || child.id !== firstClause.id) return true;
          break;
        }
        case 'lambda':
          if (this.isMapCallback(parent)) return true;
          break;
        case 'function_definition':
          return hops < MAX_FUNCTION_HOPS && this.functionRunsInLoop(parent, hops + 1);
      }
    }
    return false;
  }

  /** `map(lambda x: ..., items)`, `executor.map(lambda ...)`. */
  private isMapCallback(lambda: Node): boolean {
    const call = lambda.parent?.type === 'argument_list' ? lambda.parent.parent : null;
    if (!call || call.type !== 'call') return false;
    return MAP_LIKE.has(this.lastName(call.childForFieldName('function')));
  }

  private lastName(node: Node | null): string {
    const name = dottedName(node, this.index.source) ?? '';
    return name.slice(name.lastIndexOf('.') + 1);
  }

  /** Calls in the file by the last segment of their callee, and calls that pass a name as an argument. */
  private references(): Map<string, Node[]> {
    if (this.byName) return this.byName;
    const byName = new Map<string, Node[]>();
    const add = (name: string, call: Node): void => {
      const list = byName.get(name);
      if (list) list.push(call);
      else byName.set(name, [call]);
    };
    for (const { node } of this.index.calls) {
      const fn = node.childForFieldName('function');
      if (fn && (fn.type === 'identifier' || fn.type === 'attribute')) add(this.lastName(fn), node);
      for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
        if (arg && (arg.type === 'identifier' || arg.type === 'attribute')) add(`arg:${this.lastName(arg)}`, node);
      }
    }
    this.byName = byName;
    return byName;
  }

  private functionRunsInLoop(fn: Node, hops: number): boolean {
    const cached = this.functionMemo.get(fn.id);
    if (cached !== undefined) return cached;
    this.functionMemo.set(fn.id, false);
    const scope = this.index.scopes.get(fn.id);
    const name = scope?.name;
    let result = false;
    if (name && !(scope.classScope !== null && GENERIC_METHODS.has(name))) {
      const refs = this.references();
      for (const call of refs.get(name) ?? []) {
        const callee = call.childForFieldName('function');
        const isMethodCall = callee?.type === 'attribute';
        if (isMethodCall !== (scope.classScope !== null) || within(call, fn)) continue;
        if (this.inLoop(call, hops)) {
          result = true;
          break;
        }
      }
      for (const call of result ? [] : (refs.get(`arg:${name}`) ?? [])) {
        if (within(call, fn)) continue;
        if (MAP_LIKE.has(this.lastName(call.childForFieldName('function'))) || this.inLoop(call, hops)) {
          result = true;
          break;
        }
      }
    }
    this.functionMemo.set(fn.id, result);
    return result;
  }
}
