/**
 * Wrapper functions in JS/TS: `async function ask(question, model = "gpt-4o") { ... create({ ...
 * question ... }) }` called as `ask("Summarize ...", "gpt-4o-mini")`. Each call of such a function
 * in the file is a call site of its own (relayOf: the LLM call inside), sending the text passed for
 * the parameter and the model passed for a `model` parameter. One level deep, positional
 * parameters only (a destructured options object is not followed).
 */
import type { Node } from 'web-tree-sitter';
import type { CallSite, PromptRole } from './model';
import { inLoop, type FoundCall } from './script-calls';
import { resolveBinding, type FunctionInfo } from './script-index';
import type { ParameterUse } from './script-prompts';
import { declaredName } from './script-quick-prompts';
import { stringValue } from './script-strings';
import type { ScriptValues } from './script-values';

/** A call of a wrapper, with the prompt arguments it passes on. */
export interface Relay {
  site: CallSite;
  prompts: Array<{ node: Node; role: PromptRole }>;
}

/** Parameter names that carry the model a wrapper passes on. */
const MODEL_PARAMETERS = ['model', 'modelName', 'modelId', 'model_name'];

export function findRelays(values: ScriptValues, calls: readonly FoundCall[], uses: readonly ParameterUse[]): Relay[] {
  const functions = new Map<number, FunctionInfo>();
  for (const info of values.index.functions.values()) functions.set(info.node.startIndex, info);
  const byFunction = new Map<FunctionInfo, ParameterUse[]>();
  for (const use of uses) {
    const info = functions.get(use.functionStart);
    // Only a function that makes the call relays to it; a builder called in the call's arguments does not.
    const call = calls[use.callIndex].site.span;
    if (!info || call.start < info.node.startIndex || call.end > info.node.endIndex) continue;
    byFunction.set(info, [...(byFunction.get(info) ?? []), use]);
  }
  // Each wrapper under the name its calls use: `ask(...)`, or `this.ask(...)` for a method.
  const byCallee = new Map<string, Array<{ info: FunctionInfo; uses: ParameterUse[]; parameters: WrapperParameters }>>();
  for (const [info, fnUses] of byFunction) {
    const fn = info.node;
    const name = fn.childForFieldName('name')?.text ?? declaredName(fn);
    if (!name) continue;
    const callee = fn.type === 'method_definition' ? `this.${name}` : name;
    byCallee.set(callee, [...(byCallee.get(callee) ?? []), { info, uses: fnUses, parameters: parametersOf(fn) }]);
  }
  const relays: Relay[] = [];
  if (byCallee.size === 0) return relays;
  for (const invocation of values.index.calls) {
    const callee = values.callee(invocation);
    const wrappers = byCallee.get(callee);
    // The function the name stands for at the call: of several with one name, the one in scope.
    const bound = wrappers ? resolveBinding(values.index, callee, invocation.startIndex)?.value : null;
    const found = bound ? wrappers?.find((w) => w.info.node.startIndex === bound.startIndex) : undefined;
    if (!found) continue;
    const { info, uses: fnUses, parameters } = found;
    if (invocation.startIndex >= info.node.startIndex && invocation.endIndex <= info.node.endIndex) continue;
    for (const callIndex of new Set(fnUses.map((u) => u.callIndex))) {
      const relay = relayAt(values, invocation, parameters, calls[callIndex].site, callIndex, fnUses.filter((u) => u.callIndex === callIndex));
      if (relay) relays.push(relay);
    }
  }
  return relays.sort((a, b) => a.site.span.start - b.site.span.start);
}

interface WrapperParameters {
  /** The names positional arguments fill, in order; a destructured parameter holds its place with null. */
  params: Array<string | null>;
  /** Default values of the parameters that have one (`model = 'gpt-4o'`). */
  defaults: Map<string, Node>;
}

/** A function's parameters as calls fill them; a rest parameter ends the positional list. */
function parametersOf(fn: Node): WrapperParameters {
  const params: Array<string | null> = [];
  const defaults = new Map<string, Node>();
  const list = fn.childForFieldName('parameters');
  if (!list) {
    const single = fn.childForFieldName('parameter');
    return { params: single?.type === 'identifier' ? [single.text] : [], defaults };
  }
  for (const parameter of list.namedChildren) {
    if (!parameter || parameter.type === 'comment') continue;
    const pattern = parameter.childForFieldName('pattern') ?? parameter;
    if (pattern.type === 'rest_pattern') break;
    const target = pattern.type === 'assignment_pattern' ? pattern.childForFieldName('left') : pattern;
    const name = target?.type === 'identifier' ? target.text : null;
    params.push(name);
    const value = parameter.childForFieldName('value') ?? (pattern.type === 'assignment_pattern' ? pattern.childForFieldName('right') : null);
    if (name && value) defaults.set(name, value);
  }
  return { params, defaults };
}

function relayAt(values: ScriptValues, invocation: Node, { params, defaults }: WrapperParameters, inner: CallSite, callIndex: number, uses: readonly ParameterUse[]): Relay | null {
  const list = invocation.childForFieldName('arguments');
  const args = list?.type === 'arguments' ? list.namedChildren.filter((n): n is Node => n !== null) : [];
  const argument = (name: string): Node | null => (params.includes(name) ? (args[params.indexOf(name)] ?? null) : null);
  const prompts = uses.flatMap((use) => {
    const node = argument(use.name);
    return node ? [{ node, role: use.role }] : [];
  });
  if (prompts.length === 0) return null;
  const modelParameter = MODEL_PARAMETERS.find((name) => params.includes(name));
  const modelArgument = modelParameter ? argument(modelParameter) : null;
  const literal = (node: Node | null) => {
    const value = node ? stringValue(node, (id) => values.boundValue(id)) : null;
    return value && value.pieces.length === 1 && value.placeholders.length === 0 ? value : null;
  };
  const modelLiteral = literal(modelArgument);
  // Not passed here: the wrapper's default for the parameter, else what the wrapped call resolves.
  const fallback = MODEL_PARAMETERS.map((name) => literal(defaults.get(name) ?? null)).find((v) => v !== null)?.text ?? inner.model;
  const fn = invocation.childForFieldName('function') ?? invocation;
  return {
    site: {
      span: { start: invocation.startIndex, end: invocation.endIndex },
      callee: values.callee(invocation),
      calleeSpan: { start: fn.startIndex, end: fn.endIndex },
      api: inner.api,
      model: modelLiteral?.text ?? fallback,
      modelSpan: modelLiteral ? { ...modelLiteral.pieces[0].span } : null,
      outputBound: inner.outputBound,
      inLoop: inLoop(invocation),
      messagesSpan: null,
      argumentsSpan: args.length > 0 ? { start: args[0].startIndex, end: args[args.length - 1].endIndex } : { start: (list?.startIndex ?? invocation.endIndex) + 1, end: (list?.startIndex ?? invocation.endIndex) + 1 },
      argumentStyle: args.length > 0 ? 'positional' : 'none',
      boundParameter: null,
      relayOf: callIndex,
      ...(modelParameter !== undefined && params.indexOf(modelParameter) === args.length
        ? { modelArgument: { name: modelParameter, at: args.length > 0 ? args[args.length - 1].endIndex : (list?.startIndex ?? invocation.endIndex) + 1, style: 'positional' as const, first: args.length === 0 } }
        : {}),
    },
    prompts,
  };
}
