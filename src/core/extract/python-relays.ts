/**
 * Wrapper functions: `def ask(question, model="gpt-4o"): return client...create(..., question ...)`
 * called as `ask("Summarize ...", model="gpt-4o-mini")`. Each call of such a function in the file is
 * a call site of its own (relayOf: the LLM call inside), sending the text passed for the parameter
 * and the model passed for a `model` parameter. One level deep: a wrapper of a wrapper is not followed.
 */
import type { Node } from 'web-tree-sitter';
import type { CallSite, PromptRole } from './model';
import { shapeOfCall } from './python-args';
import type { FoundCall } from './python-calls';
import { MODULE_SCOPE, type CallEntry, type PyIndex, type Scope } from './python-index';
import { inLoop } from './python-loops';
import type { ParameterUse } from './python-prompts';
import type { Where } from './python-resolve';
import { stringValue } from './python-values';

/** A call of a wrapper, with the prompt arguments it passes on. */
export interface Relay {
  site: CallSite;
  prompts: Array<{ node: Node; where: Where; role: PromptRole }>;
}

/** Parameter names that carry the model a wrapper passes on. */
const MODEL_PARAMETERS = new Set(['model', 'model_name', 'model_id', 'engine']);
/** Parameter node types that end positional mapping (`*args`, a bare `*`, `**kwargs`). */
const POSITIONAL_END = new Set(['list_splat_pattern', 'keyword_separator', 'dictionary_splat_pattern']);

export function findRelays(index: PyIndex, calls: readonly FoundCall[], uses: readonly ParameterUse[]): Relay[] {
  const byScope = new Map<number, ParameterUse[]>();
  for (const use of uses) {
    // Only a function that makes the call relays to it; a builder called in the call's arguments does not.
    const body = index.scopes.get(use.scope)?.node;
    const call = calls[use.callIndex].site.span;
    if (!body || call.start < body.startIndex || call.end > body.endIndex) continue;
    byScope.set(use.scope, [...(byScope.get(use.scope) ?? []), use]);
  }
  const wrappers = [...byScope.keys()].map((id) => index.scopes.get(id)).filter((s): s is Scope => !!s?.node && !!s.name);
  if (wrappers.length === 0) return [];
  const invocations = index.callsNamed(new Set(wrappers.map((s) => s.name ?? '')));
  const relays: Relay[] = [];
  for (const scope of wrappers) {
    const scopeUses = byScope.get(scope.id) ?? [];
    const parameters = { positional: positionalParameters(scope, index.source), defaults: parameterDefaults(scope, index.source) };
    for (const invocation of invocations.get(scope.name ?? '') ?? []) {
      if (calledFunction(index, invocation, scope.name ?? '')?.id !== scope.id) continue;
      for (const callIndex of new Set(scopeUses.map((u) => u.callIndex))) {
        const relay = relayAt(index, invocation, parameters, calls[callIndex].site, callIndex, scopeUses.filter((u) => u.callIndex === callIndex));
        if (relay) relays.push(relay);
      }
    }
  }
  return relays.sort((a, b) => a.site.span.start - b.site.span.start);
}

/**
 * The function a call of `name` runs: for `self.name(...)` / `cls.name(...)`, the method of that name
 * in the caller's class; for `name(...)`, the function of that name defined in the caller's scope
 * or one around it, the last one before the call (else the first after: a later module-level def
 * is defined by the time a function body runs). Null for calls from inside the function itself.
 */
function calledFunction(index: PyIndex, invocation: CallEntry, name: string): Scope | null {
  const candidates = index.functionsNamed(name).filter((s) => s.node && !(invocation.node.startIndex >= s.node.startIndex && invocation.node.endIndex <= s.node.endIndex));
  if (invocation.callee !== name) {
    if (invocation.callee !== `self.${name}` && invocation.callee !== `cls.${name}`) return null;
    const classScope = index.scopes.get(invocation.scope)?.classScope ?? null;
    return candidates.find((s) => classScope !== null && s.classScope === classScope) ?? null;
  }
  const around = new Set<number>();
  for (let id: number | null = invocation.scope; id !== null; id = index.scopes.get(id)?.parent ?? null) around.add(id);
  const visible = candidates.filter((s) => s.classScope === null && s.parent !== null && around.has(s.parent));
  const before = visible.filter((s) => (s.node?.startIndex ?? 0) < invocation.node.startIndex);
  return before.length > 0 ? before[before.length - 1] : (visible[0] ?? null);
}

/** Names of the parameters that positional arguments fill, in order (without `self` / `cls` of a method). */
function positionalParameters(scope: Scope, source: string): string[] {
  const names: string[] = [];
  for (const parameter of scope.node?.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter || POSITIONAL_END.has(parameter.type)) break;
    const name = parameter.type === 'identifier' ? parameter : (parameter.childForFieldName('name') ?? parameter.namedChildren.find((n) => n?.type === 'identifier'));
    if (name?.type === 'identifier') names.push(source.slice(name.startIndex, name.endIndex));
  }
  return scope.classScope !== null ? names.slice(1) : names;
}

/** Default values of the parameters that have one (`model="gpt-4o"`). */
function parameterDefaults(scope: Scope, source: string): Map<string, Node> {
  const defaults = new Map<string, Node>();
  for (const parameter of scope.node?.childForFieldName('parameters')?.namedChildren ?? []) {
    const name = parameter?.childForFieldName('name');
    const value = parameter?.childForFieldName('value');
    if (name?.type === 'identifier' && value) defaults.set(source.slice(name.startIndex, name.endIndex), value);
  }
  return defaults;
}

interface WrapperParameters {
  positional: string[];
  defaults: Map<string, Node>;
}

function relayAt(index: PyIndex, invocation: CallEntry, { positional, defaults }: WrapperParameters, inner: CallSite, callIndex: number, uses: readonly ParameterUse[]): Relay | null {
  const shape = shapeOfCall(invocation.node, index);
  if (!shape) return null;
  const argument = (name: string): Node | null => shape.keywords.get(name) ?? (positional.includes(name) ? (shape.positional[positional.indexOf(name)] ?? null) : null);
  const where: Where = { scope: invocation.scope, at: invocation.node.startIndex };
  const prompts = uses.flatMap((use) => {
    const node = argument(use.name);
    return node ? [{ node, where, role: use.role }] : [];
  });
  if (prompts.length === 0) return null;
  const modelName = [...MODEL_PARAMETERS].find((name) => positional.includes(name) || shape.keywords.has(name) || defaults.has(name));
  const model = modelName ? stringValue(index, argument(modelName), where) : null;
  // Not passed here: the wrapper's default for the parameter, else what the wrapped call resolves.
  const fallback = (modelName ? stringValue(index, defaults.get(modelName) ?? null, { scope: MODULE_SCOPE, at: 0 })?.value : null) ?? inner.model;
  return {
    site: {
      span: { ...shape.span },
      callee: invocation.callee,
      calleeSpan: { start: shape.fn.startIndex, end: shape.fn.endIndex },
      api: inner.api,
      model: model?.value ?? fallback,
      modelSpan: model?.span ?? null,
      outputBound: inner.outputBound,
      inLoop: inLoop(shape.anchor, index.source),
      messagesSpan: null,
      argumentsSpan: { ...shape.argumentsSpan },
      argumentStyle: shape.keywords.size + shape.splats.length > 0 ? 'keyword' : shape.hasArguments ? 'positional' : 'none',
      boundParameter: null,
      relayOf: callIndex,
      ...(modelName && !argument(modelName) && shape.splats.length === 0
        ? { modelArgument: { name: modelName, at: shape.argumentsSpan.end, style: 'keyword' as const, first: !shape.hasArguments } }
        : {}),
    },
    prompts,
  };
}
