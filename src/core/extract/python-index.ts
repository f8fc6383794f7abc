import type { Node, Tree } from 'web-tree-sitter';
import type { CallShape } from './python-args';
import type { Evaluated } from './python-eval';

/**
 * One pass over a Python tree that records what the extractor looks up later: scopes, name
 * bindings, list mutations, functions and their returns, imports, calls and
 * error nodes. Everything after this pass works from these tables, never by re-walking the tree.
 */

export type ScopeKind = 'module' | 'function' | 'class';

export interface Scope {
  id: number;
  kind: ScopeKind;
  node: Node | null;
  name: string | null;
  /** Scope that free names are looked up in next (Python skips class bodies). */
  parent: number | null;
  /** The class a function is a method of, for `self.x` lookups. */
  classScope: number | null;
  /** Parameter names, read on first use (parameterNames). */
  parameters?: Set<string>;
}

export interface Binding {
  /** `x`, or `self.x` / `cls.x` / `a.b` for attribute targets. */
  name: string;
  value: Node;
  scope: number;
  start: number;
  op: '=' | '+=';
}

export interface ListMutation {
  method: 'append' | 'extend' | 'insert';
  argument: Node;
  scope: number;
  start: number;
}

export interface Located {
  node: Node;
  scope: number;
}

export interface CallEntry extends Located {
  /** The callee as written, whitespace removed (`client.chat.completions.create`, `OpenAI().responses.create`). */
  callee: string;
}

export interface PyIndex {
  source: string;
  scopes: Map<number, Scope>;
  bindings: Map<string, Binding[]>;
  mutations: Map<string, ListMutation[]>;
  /** Function name -> its scopes (methods of different classes may share a name). */
  functions: Map<string, Scope[]>;
  /** Function scope id -> returned expressions. */
  returns: Map<number, Node[]>;
  /** Local name -> dotted origin (`genai` -> `google.genai`, `completion` -> `litellm.completion`). */
  imports: Map<string, string>;
  /** Class name -> class scopes. */
  classes: Map<string, Scope[]>;
  /** Call node id -> its arguments, read on first use. */
  shapes: Map<number, CallShape | null>;
  /** Expression node id -> the text it builds, evaluated on first use. */
  texts: Map<number, Evaluated | null>;
  calls: CallEntry[];
  root: Node;
  errors: Located[];
}

export const MODULE_SCOPE = 0;

/** Dotted text of an identifier / attribute chain (`self.client`), or null for anything else. */
export function dottedName(node: Node | null, source: string): string | null {
  if (!node) return null;
  if (node.type === 'identifier') return source.slice(node.startIndex, node.endIndex);
  if (node.type === 'attribute') {
    const object = dottedName(node.childForFieldName('object'), source);
    const attribute = node.childForFieldName('attribute');
    if (!object || !attribute) return null;
    return `${object}.${source.slice(attribute.startIndex, attribute.endIndex)}`;
  }
  return null;
}

const INTERESTING = [
  'function_definition',
  'class_definition',
  'assignment',
  'augmented_assignment',
  'call',
  'return_statement',
  'import_statement',
  'import_from_statement',
  'ERROR',
];

class IndexBuilder {
  readonly index: PyIndex;

  constructor(
    private readonly source: string,
    root: Node,
  ) {
    this.index = {
      source,
      scopes: new Map([[MODULE_SCOPE, { id: MODULE_SCOPE, kind: 'module', node: null, name: null, parent: null, classScope: null }]]),
      bindings: new Map(),
      mutations: new Map(),
      functions: new Map(),
      returns: new Map(),
      imports: new Map(),
      classes: new Map(),
      shapes: new Map(),
      texts: new Map(),
      calls: [],
      root,
      errors: [],
    };
  }

  private text(node: Node): string {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  private bind(name: string, value: Node, scope: number, start: number, op: Binding['op']): void {
    const list = this.index.bindings.get(name);
    const binding = { name, value, scope, start, op };
    if (list) list.push(binding);
    else this.index.bindings.set(name, [binding]);
  }

  /**
   * Visits the interesting nodes in document order. tree-sitter collects them natively
   * (`descendantsOfType`), much faster than stepping a cursor over every token from JS; the
   * enclosing scope of each is tracked with a stack of open scopes' end offsets.
   */
  build(tree: Tree): void {
    const open: { scope: number; end: number }[] = [{ scope: MODULE_SCOPE, end: Number.POSITIVE_INFINITY }];
    for (const node of tree.rootNode.descendantsOfType(INTERESTING)) {
      if (!node) continue;
      while (node.startIndex >= open[open.length - 1].end) open.pop();
      const scope = open[open.length - 1].scope;
      const inner = this.visit(node, scope);
      if (inner !== scope) open.push({ scope: inner, end: node.endIndex });
    }
  }

  /** Records one node; returns the scope its children sit in. */
  private visit(node: Node, scope: number): number {
    switch (node.type) {
      case 'function_definition':
      case 'class_definition':
        return this.openScope(node, scope);
      case 'assignment':
        this.assignment(node, scope);
        break;
      case 'augmented_assignment': {
        const left = dottedName(node.childForFieldName('left'), this.source);
        const right = node.childForFieldName('right');
        const operator = node.childForFieldName('operator');
        if (left && right && operator && this.text(operator) === '+=') {
          this.bind(left, right, scope, node.startIndex, '+=');
          this.mutate(left, 'extend', right, scope, node.startIndex);
        }
        break;
      }
      case 'call': {
        const fn = node.childForFieldName('function');
        const callee = fn ? this.text(fn).replace(/\s+/g, '') : '';
        this.index.calls.push({ node, scope, callee });
        if (/\.(append|extend|insert)$/.test(callee)) this.listMutation(node, scope);
        break;
      }
      case 'return_statement': {
        const value = node.namedChildren[0];
        if (value && scope !== MODULE_SCOPE) {
          const list = this.index.returns.get(scope);
          if (list) list.push(value);
          else this.index.returns.set(scope, [value]);
        }
        break;
      }
      case 'import_statement':
      case 'import_from_statement':
        this.importStatement(node);
        break;
      case 'ERROR':
        this.index.errors.push({ node, scope });
        break;
    }
    return scope;
  }

  private openScope(node: Node, enclosing: number): number {
    const scopes = this.index.scopes;
    const outer = scopes.get(enclosing)!;
    const nameNode = node.childForFieldName('name');
    const name = nameNode ? this.text(nameNode) : null;
    const isFunction = node.type === 'function_definition';
    let parent: number | null = enclosing;
    while (isFunction && parent !== null && scopes.get(parent)!.kind === 'class') parent = scopes.get(parent)!.parent;
    const scope: Scope = {
      id: node.id,
      kind: isFunction ? 'function' : 'class',
      node,
      name,
      parent,
      classScope: isFunction && outer.kind === 'class' ? outer.id : isFunction ? outer.classScope : null,
    };
    scopes.set(node.id, scope);
    if (!isFunction && name) {
      const list = this.index.classes.get(name);
      if (list) list.push(scope);
      else this.index.classes.set(name, [scope]);
    }
    if (isFunction && name) {
      const list = this.index.functions.get(name);
      if (list) list.push(scope);
      else this.index.functions.set(name, [scope]);
    }
    return scope.id;
  }

  private assignment(node: Node, scope: number): void {
    const left = node.childForFieldName('left');
    let right = node.childForFieldName('right');
    while (right && right.type === 'assignment') right = right.childForFieldName('right');
    if (!left || !right) return;
    const name = dottedName(left, this.source);
    if (name) {
      this.bind(name, right, scope, node.startIndex, '=');
      return;
    }
    // `a, b = "x", "y"`: pair targets with values when both sides are written out.
    if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && (right.type === 'expression_list' || right.type === 'tuple')) {
      const targets = left.namedChildren;
      const values = right.namedChildren;
      if (targets.length !== values.length) return;
      targets.forEach((target, i) => {
        const targetName = dottedName(target, this.source);
        if (targetName && values[i]) this.bind(targetName, values[i]!, scope, node.startIndex, '=');
      });
    }
  }

  private mutate(name: string, method: ListMutation['method'], argument: Node, scope: number, start: number): void {
    const list = this.index.mutations.get(name);
    const mutation = { method, argument, scope, start };
    if (list) list.push(mutation);
    else this.index.mutations.set(name, [mutation]);
  }

  /** `messages.append(x)`, `.extend(xs)`, `.insert(0, x)`: list building seen by name. */
  private listMutation(call: Node, scope: number): void {
    const fn = call.childForFieldName('function');
    if (!fn || fn.type !== 'attribute') return;
    const method = fn.childForFieldName('attribute');
    const methodName = method ? this.text(method) : '';
    if (methodName !== 'append' && methodName !== 'extend' && methodName !== 'insert') return;
    const target = dottedName(fn.childForFieldName('object'), this.source);
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const argument = methodName === 'insert' ? args[1] : args[0];
    if (target && argument) this.mutate(target, methodName, argument, scope, call.startIndex);
  }

  private importStatement(node: Node): void {
    const imports = this.index.imports;
    const from = node.type === 'import_from_statement' ? node.childForFieldName('module_name') : null;
    const base = from ? this.text(from).replace(/\s+/g, '') : '';
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      if (name.type === 'aliased_import') {
        const original = name.childForFieldName('name');
        const alias = name.childForFieldName('alias');
        if (original && alias) imports.set(this.text(alias), base ? `${base}.${this.text(original)}` : this.text(original));
      } else {
        const dotted = this.text(name).replace(/\s+/g, '');
        if (base) imports.set(dotted, `${base}.${dotted}`);
        else imports.set(dotted.split('.')[0], dotted.split('.')[0]).set(dotted, dotted);
      }
    }
  }
}

/** Builds the index in one pass over the tree. */
export function indexPython(tree: Tree, source: string): PyIndex {
  const builder = new IndexBuilder(source, tree.rootNode);
  builder.build(tree);
  return builder.index;
}

/** Parameter names of a function scope, which shadow outer bindings of the same name. */
export function parameterNames(index: PyIndex, scope: number): Set<string> {
  const info = index.scopes.get(scope);
  if (!info || info.kind !== 'function' || !info.node) return new Set();
  if (info.parameters) return info.parameters;
  const names = new Set<string>();
  for (const parameter of info.node.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter) continue;
    const name = parameter.type === 'identifier' ? parameter : (parameter.childForFieldName('name') ?? parameter.namedChildren.find((n) => n?.type === 'identifier'));
    if (name?.type === 'identifier') names.add(index.source.slice(name.startIndex, name.endIndex));
  }
  info.parameters = names;
  return names;
}

/** The scope a node sits in, found by walking up to the nearest function or class. */
export function scopeOf(index: PyIndex, node: Node): number {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if ((parent.type === 'function_definition' || parent.type === 'class_definition') && index.scopes.has(parent.id)) return parent.id;
  }
  return MODULE_SCOPE;
}

/**
 * Dict literals holding a key that matches `key` (a global regex over the source text), found from
 * the text and mapped back to the tree: far cheaper than visiting every dict in a data-heavy file.
 */
export function dictionariesWithKey(index: PyIndex, key: RegExp): Located[] {
  const found: Located[] = [];
  const seen = new Set<number>();
  for (const match of index.source.matchAll(key)) {
    let node: Node | null = index.root.descendantForIndex(match.index);
    while (node && node.type !== 'dictionary' && node.type !== 'module' && node.type !== 'call' && node.type !== 'block') node = node.parent;
    if (!node || node.type !== 'dictionary' || seen.has(node.id)) continue;
    seen.add(node.id);
    found.push({ node, scope: scopeOf(index, node) });
  }
  return found;
}
