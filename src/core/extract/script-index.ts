import type { Node, Tree } from 'web-tree-sitter';
import { MAX_HEADER, readHeader } from './script-headers';
import { dottedName, literalText, unwrap } from './script-strings';

/**
 * One pass over a JS/TS tree that records what the extractor looks up later: bindings with their
 * scopes, imports, functions and their returns, and the calls, `new`s, object pairs and long
 * strings it inspects. Everything after this pass works from these lists; only a function's returns
 * are read from the tree later, when something asks for them.
 */

export type BindingKind = 'variable' | 'parameter' | 'function' | 'field' | 'assignment';

export interface Binding {
  /** An identifier, or a dotted member for fields and `this.x = ...` (`this.client`). */
  name: string;
  /** The bound expression; null for parameters and destructured names. */
  value: Node | null;
  kind: BindingKind;
  /** Where the name is visible: the enclosing block, function or class body. */
  scopeStart: number;
  scopeEnd: number;
  /** Where the binding happens, to prefer the latest one before a use. */
  at: number;
}

/** What an import brings in: `imported` is `default`, `*` or the exported name. */
export interface ImportBinding {
  source: string;
  imported: string;
  /** For `require` and `import()`: where the declaration that binds the name starts. */
  at?: number;
}

/**
 * A function and the expressions it returns, read from the tree only when asked for: most
 * functions are never asked, and a function whose text holds no quote returns no text at all.
 */
export class FunctionInfo {
  /** Spans of the functions nested in this one, whose returns are theirs, not this one's. */
  private readonly inner: Array<{ start: number; end: number }> = [];
  private expressionBody: Node | null = null;
  private values: Node[] | null = null;
  private quotedReturn: boolean | null = null;

  constructor(
    readonly node: Node,
    private readonly start: number,
    private readonly end: number,
    private readonly text: string,
  ) {}

  /** An arrow function's expression body, which is its return value. */
  setExpressionBody(body: Node): void {
    this.expressionBody = body;
  }

  addInner(start: number, end: number): void {
    this.inner.push({ start, end });
  }

  /** True when the source of some returned expression holds a quote or backtick, and so may hold text. */
  get quoted(): boolean {
    if (this.quotedReturn === null) {
      this.quotedReturn = QUOTE.test(this.text.slice(this.start, this.end)) && this.returns.some((value) => QUOTE.test(value.text));
    }
    return this.quotedReturn;
  }

  /** Return statements' values and an arrow's expression body, in source order. */
  get returns(): Node[] {
    if (this.values) return this.values;
    const values: Node[] = [];
    if (this.expressionBody) values.push(this.expressionBody);
    else if (RETURN.test(this.text.slice(this.start, this.end))) {
      for (const statement of this.node.descendantsOfType('return_statement')) {
        const at = statement?.startIndex ?? -1;
        if (!statement || this.inner.some((f) => f.start <= at && at < f.end)) continue;
        const value = statement.namedChildren[0];
        if (value) values.push(value);
      }
    }
    return (this.values = values);
  }
}

const RETURN = /\breturn\b/;
const QUOTE = /['"`]/;

export interface ScriptIndex {
  bindings: Map<string, Binding[]>;
  /** `x += ...` on a name, in source order, for prompts built up piece by piece. */
  appends: Map<string, Node[]>;
  imports: Map<string, ImportBinding>;
  /** Functions by node id. */
  functions: Map<number, FunctionInfo>;
  calls: Node[];
  news: Node[];
  pairs: Node[];
  /** String and template literals long enough to be a prompt. */
  longStrings: Node[];
  /** ERROR nodes, where calls broken by a syntax error may be pieced together. */
  errors: Node[];
}

const SCOPE_TYPES = new Set(['program', 'statement_block', 'class_body', 'for_statement', 'for_in_statement', 'switch_body', 'catch_clause']);
/** Node types of functions, whose returns may be prompts and whose parameters shadow outer names. */
export const FUNCTION_TYPES = new Set([
  'function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
]);
/** An assignment whose target is a name or a dotted path, up to its `=`. */
const PLAIN_TARGET = /^([\w$]+(?:\s*\.\s*#?[\w$]+)*)\s*=(?![=>])/;
/** Shorter literals are never reported from their text alone. */
const LONG_STRING = 24;

interface Frame {
  start: number;
  end: number;
  kind: 'scope' | 'function' | 'class';
  fn?: FunctionInfo;
}

/** Identifier names bound by a parameter list or destructuring pattern. */
function patternNames(node: Node, out: string[]): void {
  switch (node.type) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      out.push(node.text);
      return;
    case 'required_parameter':
    case 'optional_parameter': {
      const pattern = node.childForFieldName('pattern');
      if (pattern) patternNames(pattern, out);
      return;
    }
    case 'assignment_pattern':
    case 'object_assignment_pattern': {
      const left = node.childForFieldName('left');
      if (left) patternNames(left, out);
      return;
    }
    case 'pair_pattern': {
      const value = node.childForFieldName('value');
      if (value) patternNames(value, out);
      return;
    }
    default:
      for (const child of node.namedChildren) if (child) patternNames(child, out);
  }
}

class IndexBuilder {
  readonly index: ScriptIndex = {
    bindings: new Map(),
    appends: new Map(),
    imports: new Map(),
    functions: new Map(),
    calls: [],
    news: [],
    pairs: [],
    longStrings: [],
    errors: [],
  };
  /** Open scopes and functions, innermost last; the first is the whole file (whose root may be an ERROR node). */
  private readonly frames: Frame[];

  constructor(
    private readonly text: string,
    end: number,
  ) {
    this.frames = [{ start: 0, end, kind: 'scope' }];
  }

  private scope(): Frame {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].kind !== 'function') return this.frames[i];
    return this.frames[0];
  }

  /** The scope a `this.x` member lives in: the enclosing class body, or the whole file. */
  private classScope(): Frame {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].kind === 'class') return this.frames[i];
    return this.frames[0];
  }

  private bind(name: string, value: Node | null, kind: BindingKind, at: number, scope: { start: number; end: number }): void {
    let list = this.index.bindings.get(name);
    if (!list) this.index.bindings.set(name, (list = []));
    list.push({ name, value, kind, at, scopeStart: scope.start, scopeEnd: scope.end });
  }

  /** The scope of an assignment target: the binding it assigns to, when known. */
  private assignmentScope(name: string, at: number): { start: number; end: number } {
    if (name.startsWith('this.')) return this.classScope();
    const existing = resolveBinding(this.index, name, at);
    return existing ? { start: existing.scopeStart, end: existing.scopeEnd } : this.scope();
  }

  /** Records one node; nodes arrive in document order, so the open frames are those still containing it. */
  enter(node: Node): void {
    // `endIndex` crosses into WASM: it is read only for the node types that need it.
    const { type, startIndex: start } = node;
    while (this.frames.length > 1 && this.frames[this.frames.length - 1].end <= start) this.frames.pop();
    if (SCOPE_TYPES.has(type)) this.frames.push({ start, end: node.endIndex, kind: type === 'class_body' ? 'class' : 'scope' });
    if (FUNCTION_TYPES.has(type)) return this.enterFunction(node, start, node.endIndex);
    switch (type) {
      case 'variable_declarator':
        return this.declarator(node);
      case 'public_field_definition':
      case 'field_definition':
        return this.field(node);
      case 'assignment_expression':
        return this.assignment(node);
      case 'augmented_assignment_expression':
        return this.append(node);
      case 'import_statement':
        return this.importStatement(node);
      case 'call_expression':
        this.index.calls.push(node);
        return;
      case 'new_expression':
        this.index.news.push(node);
        return;
      case 'pair':
        this.index.pairs.push(node);
        return;
      case 'template_string':
        if (node.endIndex - start >= LONG_STRING) this.index.longStrings.push(node);
        return;
      case 'ERROR':
        this.index.errors.push(node);
        return;
    }
  }

  private enterFunction(node: Node, start: number, end: number): void {
    const info = new FunctionInfo(node, start, end, this.text);
    this.index.functions.set(node.id, info);
    this.enclosingFunction()?.addInner(start, end);
    const type = node.type;
    const header = readHeader(this.text.slice(start, Math.min(end, start + MAX_HEADER)), type === 'method_definition' ? 'method' : type === 'arrow_function' ? 'arrow' : 'function');
    const name = header ? header.name : (node.childForFieldName('name')?.text ?? null);
    if (name && type === 'method_definition') {
      this.bind(`this.${name}`, node, 'function', start, this.classScope());
    } else if (name && type !== 'function_expression') {
      this.bind(name, node, 'function', start, this.scope());
    }
    this.frames.push({ start, end, kind: 'function', fn: info });
    let names = header?.params;
    if (!names) {
      names = [];
      const params = node.childForFieldName('parameters') ?? node.childForFieldName('parameter');
      if (params) patternNames(params, names);
    }
    for (const param of names) this.bind(param, null, 'parameter', start, { start, end });
    if (type !== 'arrow_function' || header?.blockBody === true) return;
    const body = node.childForFieldName('body');
    if (body && body.type !== 'statement_block') info.setExpressionBody(body);
  }

  private enclosingFunction(): FunctionInfo | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].fn) return this.frames[i].fn;
    return undefined;
  }

  private declarator(node: Node): void {
    const value = node.childForFieldName('value');
    // A plain name is read from the text; patterns need their nodes.
    const plain = /^[\w$]+/.exec(node.text)?.[0];
    if (plain) {
      this.bind(plain, value, 'variable', node.startIndex, this.scope());
      if (value) this.requireImport(value, plain, null, node.startIndex);
      return;
    }
    const name = node.childForFieldName('name');
    if (!name) return;
    const names: string[] = [];
    patternNames(name, names);
    for (const n of names) this.bind(n, null, 'variable', node.startIndex, this.scope());
    if (value && name.type === 'object_pattern') {
      for (const prop of name.namedChildren) {
        if (prop?.type === 'shorthand_property_identifier_pattern') this.requireImport(value, prop.text, prop.text, node.startIndex);
        if (prop?.type === 'pair_pattern') {
          const key = prop.childForFieldName('key');
          const local = prop.childForFieldName('value');
          if (key && local?.type === 'identifier') this.requireImport(value, local.text, key.text, node.startIndex);
        }
      }
    }
  }

  /** `const x = require("m")`, `const { a } = require("m")`, `await import("m")`. */
  private requireImport(value: Node, local: string, imported: string | null, at: number): void {
    let call = unwrap(value);
    if (call.type === 'await_expression' && call.namedChildren[0]) call = unwrap(call.namedChildren[0]);
    if (call.type !== 'call_expression') return;
    const fn = call.childForFieldName('function');
    if (!fn || (fn.text !== 'require' && fn.type !== 'import')) return;
    const arg = call.childForFieldName('arguments')?.namedChildren[0];
    const source = arg ? literalText(arg) : null;
    if (source !== null) this.index.imports.set(local, { source, imported: imported ?? '*', at });
  }

  private field(node: Node): void {
    const name = node.childForFieldName('name') ?? node.childForFieldName('property');
    const value = node.childForFieldName('value');
    if (!name) return;
    const isStatic = node.children.some((c) => c?.type === 'static');
    this.bind(isStatic ? name.text : `this.${name.text}`, value, 'field', node.startIndex, this.classScope());
  }

  private assignment(node: Node): void {
    // A plain target (`x`, `this.client`) is read from the text; others need their nodes.
    const plain = PLAIN_TARGET.exec(this.text.slice(node.startIndex, node.startIndex + 200));
    const left = plain ? null : node.childForFieldName('left');
    const name = plain ? plain[1].replace(/\s+/g, '') : left ? dottedName(left) : null;
    const right = name ? node.childForFieldName('right') : null;
    if (!name || !right) return;
    this.bind(name, right, 'assignment', node.startIndex, this.assignmentScope(name, node.startIndex));
  }

  private append(node: Node): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const operator = node.childForFieldName('operator')?.text;
    const name = left ? dottedName(left) : null;
    if (!name || !right || operator !== '+=') return;
    let list = this.index.appends.get(name);
    if (!list) this.index.appends.set(name, (list = []));
    list.push(right);
  }

  private importStatement(node: Node): void {
    const sourceNode = node.childForFieldName('source');
    const source = sourceNode ? literalText(sourceNode) : null;
    if (source === null) return;
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
    if (!clause) return;
    for (const part of clause.namedChildren) {
      if (!part) continue;
      if (part.type === 'identifier') this.index.imports.set(part.text, { source, imported: 'default' });
      if (part.type === 'namespace_import') {
        const id = part.namedChildren.find((c) => c?.type === 'identifier');
        if (id) this.index.imports.set(id.text, { source, imported: '*' });
      }
      if (part.type === 'named_imports') {
        for (const spec of part.namedChildren) {
          if (spec?.type !== 'import_specifier') continue;
          const name = spec.childForFieldName('name');
          const alias = spec.childForFieldName('alias');
          if (name) this.index.imports.set((alias ?? name).text, { source, imported: name.text });
        }
      }
    }
  }
}

const INDEXED_TYPES = [
  ...SCOPE_TYPES,
  ...FUNCTION_TYPES,
  'variable_declarator',
  'public_field_definition',
  'field_definition',
  'assignment_expression',
  'augmented_assignment_expression',
  'import_statement',
  'call_expression',
  'new_expression',
  'pair',
  'template_string',
  'ERROR',
];

/** Quoted literals on one line; a match is only a candidate until the tree confirms it is a string node. */
const QUOTED = /"(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'/g;

/**
 * Long `"..."` / `'...'` literals with a space in them (prose, not keys or paths). Files hold many
 * short strings, so they are found in the text and only the long ones are looked up in the tree.
 */
function longQuotedStrings(tree: Tree, text: string): Node[] {
  const found: Node[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const literal = m[0];
    if (literal.length < LONG_STRING || !literal.includes(' ')) continue;
    const start = m.index;
    const node = tree.rootNode.descendantForIndex(start, start + literal.length);
    if (node?.type === 'string' && node.startIndex === start && node.endIndex === start + literal.length) found.push(node);
  }
  return found;
}

/**
 * Builds the index in one pass: tree-sitter collects the node types recorded here in document
 * order inside WASM, which is far cheaper than stepping a cursor over every node from JS.
 * (A union Query over the same types was measured slower than this with web-tree-sitter 0.27:
 * both visit every node, and the query engine does more per node.) Each node access crosses
 * into WASM, so handlers read names and headers from `text` where the source is plain.
 */
export function indexScript(tree: Tree, text: string): ScriptIndex {
  const builder = new IndexBuilder(text, tree.rootNode.endIndex + 1);
  for (const node of tree.rootNode.descendantsOfType(INDEXED_TYPES)) builder.enter(node);
  builder.index.longStrings.push(...longQuotedStrings(tree, text));
  return builder.index;
}

/**
 * The binding a name refers to at an offset: the innermost scope holding it, and in that scope
 * the latest binding with a value at or before the offset (hoisted functions: the first).
 */
export function resolveBinding(index: ScriptIndex, name: string, at: number): Binding | null {
  const list = index.bindings.get(name);
  if (!list) return null;
  let bestScope = -1;
  let candidates: Binding[] = [];
  for (const b of list) {
    if (b.scopeStart > at || at >= b.scopeEnd) continue;
    if (b.scopeStart > bestScope) {
      bestScope = b.scopeStart;
      candidates = [b];
    } else if (b.scopeStart === bestScope) {
      candidates.push(b);
    }
  }
  if (candidates.length === 0) return null;
  const withValue = candidates.filter((b) => b.value !== null);
  if (withValue.length === 0) return candidates[0];
  const before = withValue.filter((b) => b.at <= at);
  return before.length > 0 ? before[before.length - 1] : withValue[0];
}
