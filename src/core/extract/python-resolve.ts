import type { Node } from 'web-tree-sitter';
import { dottedName, MODULE_SCOPE, parameterNames, type Binding, type PyIndex } from './python-index';

/** Where an expression sits: its scope, and its offset (for "assigned before this use"). */
export interface Where {
  scope: number;
  at: number;
}

const MAX_DEFINITIONS = 16;

/** Class scope a name like `self.x` refers to from `scope`. */
function classOf(index: PyIndex, scope: number): number | null {
  const info = index.scopes.get(scope);
  if (!info) return null;
  return info.kind === 'class' ? info.id : info.classScope;
}

/**
 * The bindings a name refers to at `where`, following Python's scoping: the innermost scope
 * that binds it (preferring bindings before the use in the same scope), then enclosing ones.
 * `self.x` / `cls.x` look in the method's class (attribute assignments and the class body).
 */
export function definitionsOf(index: PyIndex, name: string, where: Where, includeAugmented = true): Binding[] {
  const keep = (b: Binding): boolean => includeAugmented || b.op !== '+=';
  const dot = name.indexOf('.');
  if (dot > 0) {
    const head = name.slice(0, dot);
    const rest = name.slice(dot + 1);
    if ((head === 'self' || head === 'cls') && !rest.includes('.')) {
      const cls = classOf(index, where.scope);
      const found: Binding[] = [];
      for (const b of index.bindingsOf(`self.${rest}`)) if (keep(b) && classOf(index, b.scope) === cls) found.push(b);
      for (const b of index.bindingsOf(`cls.${rest}`)) if (keep(b) && classOf(index, b.scope) === cls) found.push(b);
      for (const b of index.bindingsOf(rest)) if (keep(b) && b.scope === cls) found.push(b);
      return found.slice(0, MAX_DEFINITIONS);
    }
    const typed = rest.includes('.') ? null : annotatedClass(index, head, where);
    if (typed) {
      const found: Binding[] = [];
      for (const b of index.bindingsOf(`self.${rest}`)) if (keep(b) && classOf(index, b.scope) === typed) found.push(b);
      for (const b of index.bindingsOf(rest)) if (keep(b) && b.scope === typed) found.push(b);
      if (found.length > 0) return found.slice(0, MAX_DEFINITIONS);
    }
    const classBody = index.classesNamed(head)[0];
    if (classBody && !rest.includes('.')) {
      const found = index.bindingsOf(rest).filter((b) => keep(b) && b.scope === classBody.id);
      if (found.length > 0) return found.slice(0, MAX_DEFINITIONS);
    }
    return index.bindingsOf(name).filter(keep).slice(0, MAX_DEFINITIONS);
  }
  const all = index.bindingsOf(name).filter(keep);
  if (all.length === 0) return [];
  let scope: number | null = where.scope;
  let first = true;
  while (scope !== null) {
    const here = all.filter((b) => b.scope === scope);
    if (here.length === 0 && parameterNames(index, scope).has(name)) return [];
    if (here.length > 0) {
      const before = first ? here.filter((b) => b.start < where.at) : here;
      return (before.length > 0 ? before : here).slice(-MAX_DEFINITIONS);
    }
    first = false;
    scope = scope === MODULE_SCOPE ? null : (index.scopes.get(scope)?.parent ?? MODULE_SCOPE);
  }
  return [];
}

/**
 * The class a parameter is annotated with, when the file defines it: `conversation` in
 * `def reply(self, conversation: Conversation)`, so `conversation.history` reads the class's field.
 */
function annotatedClass(index: PyIndex, name: string, where: Where): number | null {
  for (let scope: number | null = where.scope; scope !== null && scope !== MODULE_SCOPE; scope = index.scopes.get(scope)?.parent ?? null) {
    const info = index.scopes.get(scope);
    if (info?.kind !== 'function' || !info.node || !parameterNames(index, scope).has(name)) continue;
    for (const parameter of info.node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (parameter?.type !== 'typed_parameter' && parameter?.type !== 'typed_default_parameter') continue;
      const named = parameter.childForFieldName('name') ?? parameter.namedChildren.find((n) => n?.type === 'identifier');
      const type = parameter.childForFieldName('type');
      if (!named || !type || index.source.slice(named.startIndex, named.endIndex) !== name) continue;
      const written = index.source.slice(type.startIndex, type.endIndex).replace(/["']|\|\s*None|None\s*\||Optional\[|\]/g, '').trim();
      return index.classesNamed(written)[0]?.id ?? null;
    }
    return null;
  }
  return null;
}

/** Definitions of an identifier or `a.b` attribute expression; empty for anything else. */
export function definitionsOfNode(index: PyIndex, node: Node, where: Where, includeAugmented = true): Binding[] {
  const name = dottedName(node, index.source);
  return name ? definitionsOf(index, name, where, includeAugmented) : [];
}

/** The `where` of a binding's value. */
export function whereOf(binding: Binding): Where {
  return { scope: binding.scope, at: binding.value.startIndex };
}

/** Function scopes a call's callee names: `build(...)`, `self.build(...)`, `cls.build(...)`. */
export function functionsCalled(index: PyIndex, callee: Node, where: Where): number[] {
  const name = dottedName(callee, index.source);
  if (!name) return [];
  const parts = name.split('.');
  const last = parts[parts.length - 1];
  const candidates = index.functionsNamed(last);
  if (parts.length === 1) return candidates.filter((s) => s.classScope === null).map((s) => s.id);
  if (parts.length === 2 && (parts[0] === 'self' || parts[0] === 'cls')) {
    const cls = classOf(index, where.scope);
    return candidates.filter((s) => s.classScope === cls).map((s) => s.id);
  }
  const owner = index.classesNamed(parts[parts.length - 2])[0];
  return owner ? candidates.filter((s) => s.classScope === owner.id).map((s) => s.id) : [];
}
