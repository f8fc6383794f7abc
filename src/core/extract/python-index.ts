import type { Node, Tree } from 'web-tree-sitter';
import type { CallShape } from './python-args';
import type { Evaluated } from './python-eval';
import { namesBeforeParenthesis, offsetsWithin, scanPython, type TextScan } from './python-scan';

/**
 * What the extractor looks up in a Python file: scopes, name bindings, list mutations, functions
 * and their returns, imports, calls and error nodes. Visiting the whole tree from JavaScript costs
 * more than the rest of the extraction together (every node crosses the WASM boundary), so the
 * index starts from a text scan (python-scan.ts) and confirms a place in the tree only when it
 * is asked about it: a binding when its name is looked up, a function's returns when it is called.
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

/** Which calls the extraction reads, by the name right before the `(` and by keyword argument names. */
export interface CallInterest {
  callee(name: string): boolean;
  keyword(name: string): boolean;
}

/** What an import binds: `from .prompts import SYSTEM as S` binds `S` to `{ module: '.prompts', name: 'SYSTEM' }`. */
export interface ImportedName {
  /** The module specifier as written, leading dots kept. */
  module: string;
  /** The name the module defines, or null for `import prompts` (the module object itself). */
  name: string | null;
}

export const MODULE_SCOPE = 0;

const MUTATORS = new Set(['append', 'extend', 'insert']);

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

/** A call the extraction may read; its scope is found on first use. */
export class CallEntry {
  private scopeId: number | undefined;

  constructor(
    private readonly index: PyIndex,
    readonly node: Node,
    /** The callee as written, whitespace removed (`client.chat.completions.create`, `OpenAI().responses.create`). */
    readonly callee: string,
    /** The callee node. */
    readonly fn: Node,
  ) {}

  get scope(): number {
    this.scopeId ??= this.index.scopeOf(this.node);
    return this.scopeId;
  }
}

export class PyIndex {
  readonly scopes = new Map<number, Scope>([[MODULE_SCOPE, { id: MODULE_SCOPE, kind: 'module', node: null, name: null, parent: null, classScope: null }]]);
  /** Local name -> dotted origin (`genai` -> `google.genai`, `completion` -> `litellm.completion`). */
  readonly imports = new Map<string, string>();
  /** Local name -> the module as written and the name it exports (null when the local name is the module itself). */
  readonly importedFrom = new Map<string, ImportedName>();
  /** Call node id -> its arguments, read on first use. */
  readonly shapes = new Map<number, CallShape | null>();
  /** Expression node id -> the text it builds, evaluated on first use. */
  readonly texts = new Map<number, Evaluated | null>();
  /** Calls worth reading (see CallInterest), in source order. */
  readonly calls: CallEntry[] = [];
  readonly errors: Located[] = [];
  readonly scan: TextScan;

  private readonly madeAt = new Map<number, Binding[]>();
  private readonly bindingsByName = new Map<string, Binding[]>();
  private readonly mutationCalls = new Map<string, ListMutation[]>();
  private readonly returnsByScope = new Map<number, Node[]>();
  private readonly returnAtOffset = new Map<number, Located | null>();
  private readonly definitions = new Map<string, Scope[]>();
  /** Node id -> the scope its children sit in, for nodes that are not scopes themselves. */
  private readonly scopeAbove = new Map<number, number>();

  constructor(
    readonly source: string,
    readonly root: Node,
    interest: CallInterest,
  ) {
    this.scan = scanPython(source);
    this.readImports();
    this.findCalls(interest);
    if (root.hasError) {
      for (const node of root.descendantsOfType('ERROR')) if (node) this.errors.push({ node, scope: this.scopeOf(node) });
    }
  }

  private text(node: Node): string {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  /** The smallest node at an offset: a keyword, an operator or an identifier. */
  private tokenAt(offset: number): Node | null {
    return this.root.descendantForIndex(offset, offset);
  }

  /** The scope a node sits in: the nearest function or class around it. Nodes passed on the way up are remembered. */
  scopeOf(node: Node): number {
    const passed: number[] = [];
    let scope = MODULE_SCOPE;
    for (let parent = node.parent; parent; parent = parent.parent) {
      const known = this.scopeAbove.get(parent.id);
      if (known !== undefined) {
        scope = known;
        break;
      }
      const type = parent.type;
      if (type === 'function_definition' || type === 'class_definition') {
        scope = this.scopeFor(parent).id;
        break;
      }
      passed.push(parent.id);
    }
    for (const id of passed) this.scopeAbove.set(id, scope);
    return scope;
  }

  private scopeFor(node: Node): Scope {
    const known = this.scopes.get(node.id);
    if (known) return known;
    const enclosing = this.scopeOf(node);
    const scopes = this.scopes;
    const outer = scopes.get(enclosing)!;
    const nameNode = node.childForFieldName('name');
    const isFunction = node.type === 'function_definition';
    let parent: number | null = enclosing;
    while (isFunction && parent !== null && scopes.get(parent)!.kind === 'class') parent = scopes.get(parent)!.parent;
    const scope: Scope = {
      id: node.id,
      kind: isFunction ? 'function' : 'class',
      node,
      name: nameNode ? this.text(nameNode) : null,
      parent,
      classScope: isFunction && outer.kind === 'class' ? outer.id : isFunction ? outer.classScope : null,
    };
    scopes.set(node.id, scope);
    return scope;
  }

  /** Bindings of a name (`x`, `self.x`), in source order. */
  bindingsOf(name: string): Binding[] {
    let found = this.bindingsByName.get(name);
    if (!found) {
      const word = name.slice(name.lastIndexOf('.') + 1);
      found = [];
      for (const i of this.scan.targets.get(word) ?? []) for (const binding of this.bindingsAt(i)) if (binding.name === name) found.push(binding);
      this.bindingsByName.set(name, found);
    }
    return found;
  }

  /** The bindings made by the `=` sign `scan.equals[i]` (none for keyword arguments, defaults, comparisons in text). */
  bindingsAt(i: number): Binding[] {
    let made = this.madeAt.get(i);
    if (made) return made;
    made = [];
    this.madeAt.set(i, made);
    const sign = this.tokenAt(this.scan.equals[i]);
    const node = sign?.parent;
    if (!sign || !node) return made;
    if (node.type === 'assignment') {
      this.assignment(node, made);
    } else if (node.type === 'augmented_assignment' && sign.type === '+=') {
      const left = dottedName(node.childForFieldName('left'), this.source);
      const right = node.childForFieldName('right');
      if (left && right) made.push({ name: left, value: right, scope: this.scopeOf(node), start: node.startIndex, op: '+=' });
    }
    return made;
  }

  private assignment(node: Node, made: Binding[]): void {
    const left = node.childForFieldName('left');
    let right = node.childForFieldName('right');
    while (right && right.type === 'assignment') right = right.childForFieldName('right');
    if (!left || !right) return;
    const name = dottedName(left, this.source);
    if (name) {
      made.push({ name, value: right, scope: this.scopeOf(node), start: node.startIndex, op: '=' });
      return;
    }
    // `a, b = "x", "y"`: pair targets with values when both sides are written out.
    if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && (right.type === 'expression_list' || right.type === 'tuple')) {
      const targets = left.namedChildren;
      const values = right.namedChildren;
      if (targets.length !== values.length) return;
      const scope = this.scopeOf(node);
      targets.forEach((target, i) => {
        const targetName = dottedName(target, this.source);
        if (targetName && values[i]) made.push({ name: targetName, value: values[i]!, scope, start: node.startIndex, op: '=' });
      });
    }
  }

  /** List building seen by name: `.append(x)`, `.extend(xs)`, `.insert(0, x)` and `+=`, in source order. */
  mutationsOf(name: string): ListMutation[] {
    const fromCalls = this.mutationCalls.get(name) ?? [];
    const augmented = this.bindingsOf(name).filter((b) => b.op === '+=');
    if (augmented.length === 0) return fromCalls;
    const all: ListMutation[] = [...fromCalls, ...augmented.map((b) => ({ method: 'extend' as const, argument: b.value, scope: b.scope, start: b.start }))];
    return all.sort((a, b) => a.start - b.start);
  }

  /** Function scopes named `name` (methods of different classes may share a name), in source order. */
  functionsNamed(name: string): Scope[] {
    return this.definitionsNamed(name, 'function_definition');
  }

  classesNamed(name: string): Scope[] {
    return this.definitionsNamed(name, 'class_definition');
  }

  private definitionsNamed(name: string, type: 'function_definition' | 'class_definition'): Scope[] {
    const key = `${type}:${name}`;
    let found = this.definitions.get(key);
    if (!found) {
      found = [];
      for (const offset of (type === 'function_definition' ? this.scan.defs : this.scan.classes).get(name) ?? []) {
        const definition = this.tokenAt(offset)?.parent;
        if (definition?.type === type && definition.childForFieldName('name')?.startIndex === offset) found.push(this.scopeFor(definition));
      }
      this.definitions.set(key, found);
    }
    return found;
  }

  /** The expression a `return` at this offset hands back, with the scope it returns from. */
  returnAt(offset: number): Located | null {
    let found = this.returnAtOffset.get(offset);
    if (found === undefined) {
      const statement = this.tokenAt(offset)?.parent;
      const value = statement?.type === 'return_statement' ? statement.namedChildren[0] : null;
      found = statement && value ? { node: value, scope: this.scopeOf(statement) } : null;
      this.returnAtOffset.set(offset, found);
    }
    return found;
  }

  /** Expressions a function (or class body) returns, in source order. */
  returnsOf(scope: number): Node[] {
    const node = this.scopes.get(scope)?.node;
    if (!node) return [];
    let found = this.returnsByScope.get(scope);
    if (!found) {
      found = [];
      for (const offset of offsetsWithin(this.scan.returns, node.startIndex, node.endIndex)) {
        const returned = this.returnAt(offset);
        if (returned?.scope === scope) found.push(returned.node);
      }
      this.returnsByScope.set(scope, found);
    }
    return found;
  }

  private readImports(): void {
    const seen = new Set<number>();
    for (const offset of this.scan.imports) {
      const statement = this.tokenAt(offset)?.parent;
      if (!statement || (statement.type !== 'import_statement' && statement.type !== 'import_from_statement') || seen.has(statement.id)) continue;
      seen.add(statement.id);
      this.importStatement(statement);
    }
  }

  private importStatement(node: Node): void {
    const imports = this.imports;
    const from = node.type === 'import_from_statement' ? node.childForFieldName('module_name') : null;
    const base = from ? this.text(from).replace(/\s+/g, '') : '';
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      if (name.type === 'aliased_import') {
        const original = name.childForFieldName('name');
        const alias = name.childForFieldName('alias');
        if (!original || !alias) continue;
        const written = this.text(original).replace(/\s+/g, '');
        imports.set(this.text(alias), base ? `${base}.${written}` : written);
        this.importedFrom.set(this.text(alias), from ? { module: base, name: written } : { module: written, name: null });
      } else {
        const dotted = this.text(name).replace(/\s+/g, '');
        if (base) {
          imports.set(dotted, `${base}.${dotted}`);
          this.importedFrom.set(dotted, { module: base, name: dotted });
        } else {
          const head = dotted.split('.')[0];
          imports.set(head, head).set(dotted, dotted);
          this.importedFrom.set(head, { module: head, name: null });
        }
      }
    }
  }

  /**
   * Calls named by an interesting word or by a name the file binds or imports (`llm(...)`), and calls with an
   * interesting keyword argument; list mutations are read from them too.
   */
  private findCalls(interest: CallInterest): void {
    const found = new Map<number, CallEntry>();
    const wanted = (name: string): boolean => interest.callee(name) || MUTATORS.has(name) || this.scan.targets.has(name) || this.imports.has(name);
    for (const offset of namesBeforeParenthesis(this.source, wanted)) {
      const at = this.callAt(offset);
      if (at && !found.has(at.call.id)) found.set(at.call.id, this.entry(at.call, at.fn));
    }
    this.scan.keywordBefore.forEach((word, i) => {
      if (!word || !interest.keyword(word)) return;
      const argument = this.tokenAt(this.scan.equals[i])?.parent;
      const call = argument?.type === 'keyword_argument' ? argument.parent?.parent : null;
      if (call?.type !== 'call' || found.has(call.id)) return;
      const fn = call.childForFieldName('function');
      if (fn) found.set(call.id, this.entry(call, fn));
    });
    this.calls.push(...[...found.values()].sort((a, b) => a.node.startIndex - b.node.startIndex));
    for (const entry of this.calls) if (MUTATORS.has(entry.callee.slice(entry.callee.lastIndexOf('.') + 1))) this.listMutation(entry);
  }

  /** The call whose callee ends in the name at `offset` (`name(...)`, `self.name(...)`), if it is one. */
  private callAt(offset: number): { call: Node; fn: Node } | null {
    const identifier = this.tokenAt(offset);
    if (identifier?.type !== 'identifier' || identifier.startIndex !== offset) return null;
    const parent = identifier.parent;
    const fn = parent?.type === 'attribute' && parent.endIndex === identifier.endIndex ? parent : identifier;
    const call = fn.parent;
    return call?.type === 'call' && call.startIndex === fn.startIndex ? { call, fn } : null;
  }

  /**
   * Calls of any of these names (`name(...)`, `self.name(...)`), by name, in one pass over the text:
   * looked up when asked, as the index holds only the calls of interest.
   */
  callsNamed(names: ReadonlySet<string>): Map<string, CallEntry[]> {
    const found = new Map<string, CallEntry[]>();
    for (const offset of namesBeforeParenthesis(this.source, (n) => names.has(n))) {
      const at = this.callAt(offset);
      if (!at) continue;
      const name = this.source.slice(offset, this.source.indexOf('(', offset)).trim();
      const list = found.get(name);
      if (list) list.push(this.entry(at.call, at.fn));
      else found.set(name, [this.entry(at.call, at.fn)]);
    }
    return found;
  }

  private entry(call: Node, fn: Node): CallEntry {
    return new CallEntry(this, call, this.text(fn).replace(/\s+/g, ''), fn);
  }

  /** `messages.append(x)`, `.extend(xs)`, `.insert(0, x)`: list building seen by name. */
  private listMutation(entry: CallEntry): void {
    const fn = entry.fn;
    if (fn.type !== 'attribute') return;
    const method = fn.childForFieldName('attribute');
    const methodName = method ? this.text(method) : '';
    if (methodName !== 'append' && methodName !== 'extend' && methodName !== 'insert') return;
    const target = dottedName(fn.childForFieldName('object'), this.source);
    const args = entry.node.childForFieldName('arguments')?.namedChildren ?? [];
    const argument = methodName === 'insert' ? args[1] : args[0];
    if (!target || !argument) return;
    const mutation: ListMutation = { method: methodName, argument, scope: entry.scope, start: entry.node.startIndex };
    const list = this.mutationCalls.get(target);
    if (list) list.push(mutation);
    else this.mutationCalls.set(target, [mutation]);
  }
}

/** Indexes a parsed Python file; the tree is read further on demand. */
export function indexPython(tree: Tree, source: string, interest: CallInterest): PyIndex {
  return new PyIndex(source, tree.rootNode, interest);
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
  return index.scopeOf(node);
}

/**
 * Dict literals holding a key that matches `key` (a global regex over the source text), found from
 * the text and mapped back to the tree: far cheaper than visiting every dict in a data-heavy file.
 */
export function dictionariesWithKey(index: PyIndex, key: RegExp): Node[] {
  const found: Node[] = [];
  const seen = new Set<number>();
  for (const match of index.source.matchAll(key)) {
    let node: Node | null = index.root.descendantForIndex(match.index);
    while (node && node.type !== 'dictionary' && node.type !== 'module' && node.type !== 'call' && node.type !== 'block') node = node.parent;
    if (!node || node.type !== 'dictionary' || seen.has(node.id)) continue;
    seen.add(node.id);
    found.push(node);
  }
  return found;
}
