import type { Node } from 'web-tree-sitter';
import { type ApiSpec, API_SPECS, PROVIDER_HOSTS, specFor, specForCallee } from './apis';
import type { ArgumentStyle, CallApi, CallSite, OutputBound, TextSpan } from './model';
import { FUNCTION_TYPES } from './script-index';
import { CONFIG_CONTAINERS, type Described, type ModelInfo, type PromptArg, type Provider, type ScriptSdk } from './script-sdk';
import { dottedName, lastName, stringValue, unwrap } from './script-strings';
import { type ScriptValues, memberValue, spanOf } from './script-values';

/**
 * Which calls in a JS/TS file are LLM calls, and what each one sends: the SDK surface, model,
 * output bound, loop context, argument style, and the prompt-carrying arguments.
 */

export interface FoundCall {
  site: CallSite;
  prompts: PromptArg[];
}

/** A call as the finder reads it; in a broken file it may be pieced together from an ERROR node. */
interface Invocation {
  /** The call expression, or the callee when the call node was lost. */
  node: Node;
  span: TextSpan;
  fn: Node;
  args: Node[];
  /** Offset just after the opening parenthesis. */
  open: number;
}

const PROVIDER_OF_API: Partial<Record<CallApi, Provider>> = {
  'openai.chat': 'openai',
  'openai.responses': 'openai',
  'openai.completions': 'openai',
  'anthropic.messages': 'anthropic',
  'google.generateContent': 'google',
  litellm: 'litellm',
  'vercel-ai': 'vercel-ai',
};

/** Callees specific enough to be the SDK call whatever the receiver. */
const DISTINCTIVE = /(^|\.)(chat\.completions\.(create|parse|stream)|ChatCompletion\.a?create|beta\.messages\.(create|stream)|createChatCompletion)$/;
/** Methods that run a LangChain runnable or a LlamaIndex LLM once it is known to hold a model. */
const RUNNABLE_METHODS = new Set([
  ...(specFor('langchain')?.callees ?? []),
  ...(specFor('llamaindex')?.callees ?? []),
  'call',
  'generate',
  'streamEvents',
]);
/** Last callee segments worth a closer look: every SDK method and function, and the runnable methods. */
const CANDIDATE_METHODS = new Set([
  ...API_SPECS.flatMap((spec) => [...spec.callees.map(lastName), ...(spec.functions ?? [])]),
  ...RUNNABLE_METHODS,
]);
/** Calls whose function argument runs once per item. */
const ITERATING = new Set(['map', 'forEach', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'pMap', 'mapLimit', 'mapSeries', 'eachLimit', 'eachSeries', 'each', 'from']);
const LOOPS = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);
const HTTP_CALLEES = /^(fetch|axios|axios\.post|ky\.post|got\.post|\$fetch|ofetch|superagent\.post|request\.post|\w+\.post)$/;

/** True when the call runs once per item: inside a loop or a callback given to `.map` and the like. */
export function inLoop(call: Node): boolean {
  let child = call;
  for (let node = call.parent; node; child = node, node = node.parent) {
    // The header of `for (const x of await list())` runs once; the body and the test run per item.
    if (LOOPS.has(node.type) && !isLoopHeader(node, child)) return true;
    if (FUNCTION_TYPES.has(child.type) && node.type === 'arguments') {
      const fn = node.parent?.childForFieldName('function');
      const name = fn ? dottedName(fn) : null;
      if (name && ITERATING.has(lastName(name))) return true;
    }
  }
  return false;
}

function isLoopHeader(loop: Node, child: Node): boolean {
  const once = loop.type === 'for_in_statement' ? loop.childForFieldName('right') : loop.type === 'for_statement' ? loop.childForFieldName('initializer') : null;
  return once?.id === child.id;
}

/** The receiver left after taking `segments` member steps off a callee (`client` of `client.chat.completions.create`). */
function receiverOf(fn: Node, segments: number): Node | null {
  let node: Node | null = unwrap(fn);
  for (let i = 0; i < segments && node; i++) node = node.type === 'member_expression' ? node.childForFieldName('object') : null;
  return node && node !== fn ? node : null;
}

function matchedSuffix(spec: ApiSpec, callee: string): string | null {
  return spec.callees.find((suffix) => callee === suffix || callee.endsWith(`.${suffix}`)) ?? null;
}

/** The callee as text: a dotted name, or the source with whitespace and `?.` normalised. */
function calleeText(fn: Node): string {
  return dottedName(fn) ?? fn.text.replace(/\s+/g, '').replace(/\?\./g, '.');
}

export class CallFinder {
  constructor(
    private readonly values: ScriptValues,
    private readonly sdk: ScriptSdk,
  ) {}

  /** The LLM call a call expression is, or null. */
  find(call: Node): FoundCall | null {
    const name = this.values.callee(call);
    const method = lastName(name);
    if (!CANDIDATE_METHODS.has(method) && !HTTP_CALLEES.test(name)) return null;
    const fn = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    if (!fn || !args || args.type !== 'arguments') return null;
    const list = args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    return this.invocation({ node: call, span: spanOf(call), fn, args: list, open: args.startIndex + 1 }, method, name);
  }

  /**
   * Calls whose node tree-sitter lost to an ERROR while their parts survive: a callee directly
   * followed by an options object (`client.messages.create({ ...` with the rest unfinished).
   */
  recover(error: Node): FoundCall[] {
    const found: FoundCall[] = [];
    const children = error.namedChildren.filter((c): c is Node => c !== null);
    children.forEach((fn, i) => {
      const next = children[i + 1];
      if (!next || next.type !== 'object' || (fn.type !== 'member_expression' && fn.type !== 'identifier')) return;
      const name = dottedName(fn);
      if (!name) return;
      const hit = this.invocation({ node: fn, span: { start: fn.startIndex, end: next.endIndex }, fn, args: [next], open: next.startIndex }, lastName(name));
      if (hit) found.push(hit);
    });
    return found;
  }

  /** `callee` is the call's dotted callee when already known (it is the callee text of `inv.fn`). */
  private invocation(inv: Invocation, method: string, callee = calleeText(inv.fn)): FoundCall | null {
    if (HTTP_CALLEES.test(callee)) return this.http(inv, callee);
    const spec = specForCallee(callee);
    if (spec) return this.sdkCall(inv, callee, spec);
    if (inv.fn.type !== 'member_expression' || !RUNNABLE_METHODS.has(method)) return null;
    const described = this.sdk.describe(inv.fn.childForFieldName('object'));
    if (described?.kind !== 'runnable' || !described.model) return null;
    return this.runnableCall(inv, callee, described.model, described.prompts);
  }

  private sdkCall(inv: Invocation, callee: string, spec: ApiSpec): FoundCall | null {
    const fn = inv.fn;
    const suffix = matchedSuffix(spec, callee);
    const receiver = suffix ? receiverOf(fn, suffix.split('.').length) : null;
    const described = receiver ? this.sdk.describe(receiver) : null;
    const first = inv.args[0] ?? null;
    const options = this.values.objectOf(first);
    if (!this.accepts(spec, callee, receiver, described, options)) return null;
    const model = described?.kind === 'runnable' ? described.model : null;
    const found = this.build(inv, callee, spec, options, model);
    if (described?.kind === 'runnable') found.prompts.push(...described.prompts);
    // Gemini's `model.generateContent(prompt)` and `chat.sendMessage(text)` take the contents positionally.
    if (spec.api === 'google.generateContent' && first && !options) {
      found.prompts.push({ node: first, mode: 'messages', role: 'user' });
      found.site.messagesSpan ??= spanOf(first);
    }
    return found;
  }

  /** Whether a call matching an SDK's callee really is that SDK, from receiver, imports and argument shape. */
  private accepts(spec: ApiSpec, callee: string, receiver: Node | null, described: Described | null, options: Node | null): boolean {
    const provider = PROVIDER_OF_API[spec.api];
    if (described?.kind === 'client') return described.provider === provider;
    if (described?.kind === 'runnable') return described.model?.api === spec.api;
    if (DISTINCTIVE.test(callee)) return true;
    if (!receiver) {
      // A bare `generateText(...)` / `completion(...)`: imported from the SDK, or not a local function of the same name.
      const imported = this.sdk.importOf(callee);
      if (imported) return provider !== undefined && this.sdk.providerOfName(callee) === provider;
      if (callee.includes('.')) return provider !== undefined && this.sdk.providerOfName(callee) === provider;
      return !this.values.index.bindings.has(callee) && this.hasKeys(options, spec.modelParams) && this.hasKeys(options, Object.keys(spec.promptParams));
    }
    const keys = [...spec.modelParams, ...Object.keys(spec.promptParams), ...spec.boundParams];
    if (spec.api === 'google.generateContent' && /send_?[mM]essage$/.test(callee)) return provider !== undefined && this.sdk.imports(provider);
    if (this.hasKeys(options, keys)) return true;
    return !options && provider !== undefined && this.sdk.imports(provider);
  }

  private hasKeys(options: Node | null, keys: readonly string[]): boolean {
    if (!options) return false;
    const members = this.values.members(options);
    return keys.some((k) => members.has(k));
  }

  /** A LangChain or LlamaIndex model (or a chain ending in one) being run. */
  private runnableCall(inv: Invocation, callee: string, model: ModelInfo, prompts: PromptArg[]): FoundCall {
    const spec = specFor(model.api) ?? API_SPECS.find((s) => s.api === 'langchain')!;
    const first = inv.args[0] ?? null;
    const options = model.api === 'llamaindex' ? this.values.objectOf(first) : null;
    const found = this.build(inv, callee, spec, options, model);
    found.site.api = model.api;
    found.prompts.push(...prompts);
    // `llm.invoke("...")`, `llm.invoke([new SystemMessage(...), ...])`; a chain's input is a variables object.
    if (first && !options && prompts.length === 0) {
      found.prompts.push({ node: first, mode: 'messages', role: 'user' });
      found.site.messagesSpan = spanOf(first);
    }
    return found;
  }

  /** `fetch("https://api.openai.com/v1/chat/completions", { body: JSON.stringify({...}) })`, `axios.post(url, {...})`. */
  private http(inv: Invocation, callee: string): FoundCall | null {
    const [urlArg, second] = inv.args;
    if (!urlArg) return null;
    const url = stringValue(this.values.valueOf(urlArg), (id) => this.values.boundValue(id))?.text;
    if (!url) return null;
    const host = Object.keys(PROVIDER_HOSTS).find((h) => url.includes(h));
    const spec = host ? specFor(PROVIDER_HOSTS[host]) : undefined;
    if (!host || !spec) return null;
    let body: Node | null = null;
    if (callee === 'fetch' || callee === '$fetch' || callee === 'ofetch') {
      const init = this.values.members(this.values.objectOf(second ?? null)).get('body');
      body = init ? this.jsonBody(memberValue(init)) : null;
    } else {
      body = this.values.objectOf(second ?? null);
    }
    const members = this.values.members(body);
    // Generic paths such as `/api/chat` are also an app's own routes: require a model in the body.
    if (!host.includes('.') && !members.has('model')) return null;
    const found = this.build(inv, callee, spec, body, null);
    found.site.api = PROVIDER_HOSTS[host];
    const urlModel = url.match(/models\/([\w.-]+):/);
    if (!found.site.model && urlModel) found.site.model = urlModel[1];
    for (const key of ['systemInstruction', 'system_instruction']) {
      const member = members.get(key);
      const value = member ? memberValue(member) : null;
      if (value) found.prompts.push({ node: value, mode: 'messages', role: 'system' });
    }
    const bodyNode = body && unwrap(body);
    if (bodyNode && second && bodyNode.startIndex >= second.startIndex && bodyNode.endIndex <= second.endIndex) {
      found.site.argumentsSpan = spanOf(bodyNode);
      found.site.argumentStyle = 'object';
    }
    return found;
  }

  /** The object a fetch body serialises: `JSON.stringify(obj)` or a variable bound to it. */
  private jsonBody(value: Node | null): Node | null {
    if (!value) return null;
    const n = this.values.valueOf(value);
    if (n.type !== 'call_expression' || !n.childForFieldName('function')?.text.endsWith('stringify')) return null;
    return this.values.objectOf(n.childForFieldName('arguments')?.namedChildren[0] ?? null);
  }

  /** The CallSite and prompt arguments common to every kind of call. */
  private build(inv: Invocation, callee: string, spec: ApiSpec, options: Node | null, model: ModelInfo | null): FoundCall {
    const members = this.values.members(options);
    const prompts: PromptArg[] = [];
    let messagesSpan: TextSpan | null = null;
    for (const [param, role] of Object.entries(spec.promptParams)) {
      const member = members.get(param);
      const value = member ? memberValue(member) : null;
      if (!member || !value) continue;
      if (role === 'messages') {
        messagesSpan ??= spanOf(value);
        prompts.push({ node: value, mode: 'messages', role: 'user' });
        // An unclosed list: its messages survive inside an ERROR under the pair.
        for (const error of member.namedChildren) {
          if (error?.type === 'ERROR') for (const m of error.namedChildren) if (m) prompts.push({ node: m, mode: 'messages', role: 'user' });
        }
      } else {
        prompts.push({ node: value, mode: 'text', role });
      }
    }
    // Google's new SDK: `config: { systemInstruction }`; chats: `sendMessage({ message })`.
    const config = members.get('config');
    const configMembers = this.values.members(this.values.objectOf(config ? memberValue(config) : null));
    const configSystem = configMembers.get('systemInstruction');
    if (configSystem && memberValue(configSystem)) prompts.push({ node: memberValue(configSystem)!, mode: 'messages', role: 'system' });
    const message = spec.api === 'google.generateContent' ? members.get('message') : undefined;
    if (message && memberValue(message)) prompts.push({ node: memberValue(message)!, mode: 'messages', role: 'user' });

    let modelValue = null;
    for (const param of spec.modelParams) {
      const member = members.get(param);
      if (member && (modelValue = this.sdk.modelOf(memberValue(member)))) break;
    }
    const site: CallSite = {
      span: inv.span,
      callee,
      calleeSpan: spanOf(inv.fn),
      api: spec.api,
      model: modelValue?.value ?? model?.model ?? null,
      modelSpan: modelValue?.span ?? model?.modelSpan ?? null,
      outputBound: this.bound(options, spec) ?? model?.bound ?? null,
      inLoop: inLoop(inv.node),
      messagesSpan,
      ...this.argumentShape(inv),
      boundParameter: spec.addBound?.js ?? null,
    };
    if (model) prompts.push(...model.prompts);
    return { site, prompts };
  }

  /** A bound among the call's options, or in a nested generation config. */
  private bound(options: Node | null, spec: ApiSpec): OutputBound | null {
    const direct = this.values.boundIn(options, spec.boundParams, 'call');
    if (direct || !options) return direct;
    const members = this.values.members(options);
    for (const container of CONFIG_CONTAINERS) {
      const member = members.get(container);
      const nested = this.values.boundIn(this.values.objectOf(member ? memberValue(member) : null), spec.boundParams, 'config');
      if (nested) return nested;
    }
    return null;
  }

  /** The options object literal (braces included) or the argument list, and how arguments are written. */
  private argumentShape(inv: Invocation): { argumentsSpan: TextSpan; argumentStyle: ArgumentStyle } {
    const list = inv.args;
    if (list.length === 0) return { argumentsSpan: { start: inv.open, end: inv.open }, argumentStyle: 'none' };
    const object = list.map(unwrap).find((a) => a.type === 'object');
    if (object) return { argumentsSpan: spanOf(object), argumentStyle: 'object' };
    return { argumentsSpan: { start: list[0].startIndex, end: list[list.length - 1].endIndex }, argumentStyle: 'positional' };
  }
}
