import type { Node } from 'web-tree-sitter';
import { API_SPECS, PROVIDER_HOSTS, specFor, specForCallee, type ApiSpec } from './apis';
import type { CallApi, CallSite, OutputBound, PromptRole } from './model';
import { shapeOfCall, shapesInError, type CallShape } from './python-args';
import { evaluateText } from './python-eval';
import type { PyIndex } from './python-index';
import { inLoop } from './python-loops';
import { ObjectResolver, type Placed, type LlmObject } from './python-objects';
import { definitionsOfNode, whereOf, type Where } from './python-resolve';
import { expressionName } from './python-strings';
import { boundValue, entriesOf, stringValue } from './python-values';

/**
 * Which calls in a Python file reach an LLM, and what each says about its model, output bound,
 * loop context and arguments. Recognition goes by the SDK table in apis.ts, checked against the
 * receiver (what the file assigned to it) and the argument shape, so `client.messages.create(to=...)`
 * on a Twilio client or `.invoke()` on a non-model object is not taken for an LLM call.
 */

/** An expression that carries prompt text to a call, and how to read it. */
export interface PromptArg {
  node: Node;
  where: Where;
  /** `text`: a string expression; `messages`: a list of messages or a string; `template`: a prompt template object. */
  kind: 'text' | 'messages' | 'template';
  role: PromptRole;
}

export interface FoundCall {
  site: CallSite;
  prompts: PromptArg[];
}

/** Methods of LangChain runnables, LlamaIndex LLMs and engines that send a request. */
const RUN_METHODS = new Set([
  ...API_SPECS.filter((s) => s.api === 'langchain' || s.api === 'llamaindex').flatMap((s) => s.callees),
  'run',
  'arun',
  'generate',
  'agenerate',
  'predict_messages',
  'astream_chat',
  'aquery',
  'astream_complete',
  'forward',
  'acall',
  '__call__',
]);

/** Last segments of every SDK callee and function name in the table. */
const CALLEE_NAMES = new Set(API_SPECS.flatMap((s) => [...s.callees, ...(s.functions ?? [])].map((c) => c.slice(c.lastIndexOf('.') + 1))));
const HTTP_METHODS = new Set(['post', 'request', 'apost']);
const ALL_BOUND_PARAMS = new Set([...API_SPECS.flatMap((s) => s.boundParams), 'max_completion_tokens', 'max_tokens_to_sample', 'maxOutputTokens']);
const MODEL_KEYS = ['model', 'model_name', 'modelName', 'model_id', 'azure_deployment', 'deployment_name', 'engine', 'repo_id'];
const CONFIG_KEYS = ['config', 'generation_config', 'generationConfig', 'options', 'model_kwargs', 'extra_body'];
const SEGMENTS_IGNORED = new Set(['with_raw_response', 'with_streaming_response']);

/** Whether a call whose callee ends in this name may be an LLM call (the calls CallFinder reads, with bound names). */
export function mayNameLlmCall(name: string): boolean {
  return CALLEE_NAMES.has(name) || RUN_METHODS.has(name) || HTTP_METHODS.has(name);
}

/** Prompt parameters of raw HTTP bodies beyond the SDK's own (Gemini REST, Ollama). */
const HTTP_PROMPT_KEYS: Readonly<Record<string, PromptRole | 'messages'>> = {
  system: 'system',
  prompt: 'user',
  contents: 'messages',
  systemInstruction: 'system',
  system_instruction: 'system',
  input: 'messages',
  instructions: 'system',
};

/** Keys of a chain's input dict that hold the user's request rather than data for a template slot. */
const INPUT_KEYS = new Set(['input', 'question', 'query', 'prompt', 'message', 'user_input', 'human_input', 'request', 'task']);

const DOTTED_TEXT = /^[\w\u00C0-\uFFFF.\s]+$/;

/** The callee as text: `client.chat.completions.create`, `OpenAI().responses.create`. */
export function calleeText(node: Node, source: string): string {
  const written = source.slice(node.startIndex, node.endIndex);
  // Names and dots only: the text itself, without reading the tree.
  if (DOTTED_TEXT.test(written)) return written.replace(/\s+/g, '');
  switch (node.type) {
    case 'identifier':
      return source.slice(node.startIndex, node.endIndex);
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      return `${object ? calleeText(object, source) : ''}.${attribute ? source.slice(attribute.startIndex, attribute.endIndex) : ''}`;
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      return `${fn ? calleeText(fn, source) : ''}()`;
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      return `${value ? calleeText(value, source) : ''}[]`;
    }
    case 'await':
    case 'parenthesized_expression': {
      const inner = node.namedChildren[0];
      return inner ? calleeText(inner, source) : '';
    }
    default:
      return source.slice(node.startIndex, node.endIndex).replace(/\s+/g, '');
  }
}

function normalizedCallee(callee: string): string {
  return callee
    .split('.')
    .filter((s) => !SEGMENTS_IGNORED.has(s))
    .join('.');
}

/** The receiver left when the matched SDK suffix is taken off the callee (`client` in `client.messages.create`). */
function receiverOf(fn: Node, segments: number, source: string): Node | null {
  let node: Node | null = fn;
  let left = segments;
  while (node && left > 0) {
    if (node.type !== 'attribute') return null;
    const attribute = node.childForFieldName('attribute');
    if (!attribute || !SEGMENTS_IGNORED.has(source.slice(attribute.startIndex, attribute.endIndex))) left--;
    node = node.childForFieldName('object');
  }
  return node;
}

function matchedSuffix(spec: ApiSpec, callee: string): string | undefined {
  return [...spec.callees].sort((a, b) => b.length - a.length).find((s) => callee === s || callee.endsWith(`.${s}`));
}

interface Recognized {
  api: CallApi;
  spec: ApiSpec | undefined;
  object: LlmObject | null;
  /** For raw HTTP calls: the request body expression. */
  body?: Node | null;
}

export class CallFinder {
  private readonly objects: ObjectResolver;

  constructor(private readonly index: PyIndex) {
    this.objects = new ObjectResolver(index);
  }

  private text(node: Node): string {
    return this.index.source.slice(node.startIndex, node.endIndex);
  }

  private importsMatching(pattern: RegExp): boolean {
    for (const origin of this.index.imports.values()) if (pattern.test(origin)) return true;
    return false;
  }

  /** Cheap test on the callee text before any tree access: most calls in a file are not worth a look. */
  private worthALook(callee: string): boolean {
    const last = callee.slice(callee.lastIndexOf('.') + 1);
    return CALLEE_NAMES.has(last) || RUN_METHODS.has(last) || HTTP_METHODS.has(last) || this.index.imports.has(callee) || this.index.bindingsOf(callee).length > 0;
  }

  find(): FoundCall[] {
    const found: FoundCall[] = [];
    for (const call of this.index.calls) {
      if (!this.worthALook(call.callee)) continue;
      const shape = shapeOfCall(call.node, this.index);
      if (shape) this.consider(shape, { scope: call.scope, at: call.node.startIndex }, found);
    }
    for (const { node, scope } of this.index.errors) {
      for (const shape of shapesInError(node, this.index)) this.consider(shape, { scope, at: shape.span.start }, found);
    }
    const seen = new Set<number>();
    return found
      .sort((a, b) => a.site.span.start - b.site.span.start)
      .filter((c) => !seen.has(c.site.span.start) && !!seen.add(c.site.span.start));
  }

  private consider(shape: CallShape, where: Where, found: FoundCall[]): void {
    const recognized = this.recognize(shape, where);
    if (recognized) found.push(this.describe(shape, where, recognized));
  }

  private recognize(shape: CallShape, where: Where): Recognized | null {
    const written = normalizedCallee(calleeText(shape.fn, this.index.source));
    // `generate_content()` calling the file's own `def generate_content():` wrapper is not the SDK.
    if (shape.fn.type === 'identifier' && this.index.functionsNamed(written).some((s) => s.classScope === null)) return null;
    // A function imported under another name: `from litellm import completion as llm_call`.
    const origin = shape.fn.type === 'identifier' ? this.index.imports.get(written) : undefined;
    const callee = origin?.includes('.') ? origin : written;
    let spec = specForCallee(callee);
    if (spec && spec.api !== 'vercel-ai') {
      const suffix = matchedSuffix(spec, callee);
      const receiver = suffix ? receiverOf(shape.fn, suffix.split('.').length, this.index.source) : null;
      const object = receiver ? this.objects.describe(receiver, where) : null;
      if (spec.api === 'openai.completions' && this.onAnthropic(shape, receiver, object)) spec = specFor('anthropic.completions')!;
      if (this.accepts(spec, callee, shape, object)) return { api: spec.api, spec, object };
    }
    if (shape.fn.type === 'attribute') {
      const method = this.text(shape.fn.childForFieldName('attribute')!);
      const receiver = shape.fn.childForFieldName('object');
      if (RUN_METHODS.has(method)) {
        const object = this.objects.describe(receiver, where);
        if (object && object.kind !== 'client' && object.api) return { api: object.api, spec: specFor(object.api), object };
      }
      if (HTTP_METHODS.has(method)) {
        const http = this.http(shape, where, method);
        if (http) return http;
      }
    }
    if (shape.fn.type === 'identifier' || shape.fn.type === 'attribute') {
      // Calling the model or chain itself: `llm("...")`, `qa(question=q)` on a DSPy module.
      const object = this.objects.describe(shape.fn, where);
      if (object && (object.kind === 'model' || object.kind === 'chain') && object.api) return { api: object.api, spec: specFor(object.api), object };
    }
    return null;
  }

  /** Legacy `completions.create` on an Anthropic client (or with Anthropic's own bound parameter). */
  private onAnthropic(shape: CallShape, receiver: Node | null, object: LlmObject | null): boolean {
    if (object?.provider) return object.provider === 'anthropic';
    if (shape.keywords.has('max_tokens_to_sample')) return true;
    const head = receiver ? (this.text(receiver).split('.')[0] ?? '') : '';
    return this.index.imports.get(head)?.startsWith('anthropic') ?? false;
  }

  /** Checks that rule out other services using the same method names. */
  private accepts(spec: ApiSpec, callee: string, shape: CallShape, object: LlmObject | null): boolean {
    const has = (...names: string[]): boolean => names.some((n) => shape.keywords.has(n));
    const provider = object?.provider ?? null;
    switch (spec.api) {
      case 'anthropic.messages': {
        if (/\b(threads|conversations)\.messages\./.test(callee)) return false;
        if (provider) return provider === 'anthropic';
        if (has('to', 'body', 'from_', 'channel', 'thread_id', 'chat_id')) return false;
        return has('messages', 'system') || (has('model') && has('max_tokens')) || (shape.splats.length > 0 && this.importsMatching(/anthropic/));
      }
      case 'openai.responses':
      case 'openai.completions':
        if (provider) return provider !== 'anthropic';
        return has('model', 'input', 'instructions', 'prompt') || shape.splats.length > 0;
      case 'google.generateContent': {
        if (!/send_?[mM]essage(_async)?$/.test(callee)) return true;
        if (object) return object.kind === 'chat';
        const receiver = callee.slice(0, callee.lastIndexOf('.'));
        return /chat/i.test(receiver) && this.importsMatching(/genai|generativeai|vertexai/);
      }
      case 'litellm': {
        if (!callee.includes('.')) return this.index.imports.get(callee)?.startsWith('litellm') ?? false;
        const head = callee.split('.')[0];
        if (head === 'litellm' || this.index.imports.get(head)?.startsWith('litellm')) return true;
        return object?.kind === 'router' || (!object && this.importsMatching(/^litellm/));
      }
      default:
        return true;
    }
  }

  /**
   * `requests.post("https://api.openai.com/v1/chat/completions", json={...})` and the like, with the URL
   * and the body written in the call or held in names (`url = BASE + "/chat/completions"`,
   * `data=json.dumps(payload)`).
   */
  private http(shape: CallShape, where: Where, method: string): Recognized | null {
    const url = shape.keywords.get('url') ?? shape.positional[method === 'request' ? 1 : 0];
    if (!url) return null;
    const urlText = this.urlText(url, where);
    if (!urlText) return null;
    const host = Object.keys(PROVIDER_HOSTS)
      .sort((a, b) => b.length - a.length)
      .find((key) => urlText.includes(key));
    if (!host) return null;
    const written = shape.keywords.get('json') ?? shape.keywords.get('data') ?? shape.keywords.get('content') ?? null;
    const body = written ? this.requestBody(written, where) : null;
    // Generic paths (`/api/chat`) are also an app's own routes: a provider's body names a model.
    if (!host.includes('.') && !/:11434\b|ollama/i.test(urlText) && !entriesOf(this.index, body, where).has('model')) return null;
    const api = PROVIDER_HOSTS[host];
    return { api, spec: specFor(api), object: null, body };
  }

  /** The dict a request body serialises: `json.dumps({...})`, or a name bound to either. */
  private requestBody(node: Node, where: Where, depth = 0): Node | null {
    if (depth > 4) return node;
    if (node.type === 'call' && /dumps$/.test(calleeText(node.childForFieldName('function')!, this.index.source))) {
      const inner = shapeOfCall(node, this.index)?.positional[0];
      return inner ? this.requestBody(inner, where, depth + 1) : null;
    }
    if (node.type === 'identifier') {
      const last = definitionsOfNode(this.index, node, where, false).pop();
      if (last && (last.value.type === 'call' || last.value.type === 'dictionary')) return this.requestBody(last.value, whereOf(last), depth + 1);
    }
    return node;
  }

  /** The URL a name or expression holds, with the names it is built from filled in where the file sets them. */
  private urlText(url: Node, where: Where, depth = 0): string | null {
    const evaluated = evaluateText(url, this.index);
    if (evaluated) {
      let text = evaluated.text;
      for (const ref of depth > 3 ? [] : evaluated.refs) {
        const inner = ref.type === 'identifier' || ref.type === 'attribute' ? this.urlText(ref, where, depth + 1) : null;
        if (inner) text = text.replace(`{${expressionName(this.index.source, ref)}}`, inner);
      }
      return text;
    }
    if (depth > 3) return null;
    for (const binding of definitionsOfNode(this.index, url, where, false).reverse()) {
      const text = this.urlText(binding.value, whereOf(binding), depth + 1);
      if (text) return text;
    }
    return null;
  }

  private describe(shape: CallShape, where: Where, recognized: Recognized): FoundCall {
    const { api, spec, object } = recognized;
    const isHttp = recognized.body !== undefined;
    const body = recognized.body;
    // The body dict counts as the call's arguments only when it is written in the call.
    const bodyNode = body?.type === 'dictionary' && body.startIndex >= shape.span.start && body.endIndex <= shape.span.end ? body : null;
    const params = isHttp ? entriesOf(this.index, recognized.body ?? null, where) : this.callParams(shape, where);
    const prompts: PromptArg[] = [];
    const addPrompt = (node: Node | undefined | null, role: PromptRole | 'messages', at: Where = where): void => {
      if (node) prompts.push({ node, where: at, kind: role === 'messages' ? 'messages' : 'text', role: role === 'messages' ? 'user' : role });
    };

    const promptParams = { ...(spec?.promptParams ?? {}), ...(isHttp ? HTTP_PROMPT_KEYS : {}) };
    for (const [param, role] of Object.entries(promptParams)) addPrompt(params.get(param), role);
    if (!isHttp) this.positionalPrompts(shape, recognized, addPrompt);
    // Only the call's own arguments: what the constructor or chat session carries is not this call's history.
    const messages = prompts.find((p) => p.kind === 'messages');
    for (const key of CONFIG_KEYS) {
      const config = entriesOf(this.index, params.get(key) ?? null, where);
      addPrompt(config.get('system_instruction') ?? config.get('systemInstruction'), 'system');
    }
    for (const configuring of object?.configuredBy ?? []) {
      const entries = entriesOf(this.index, configuring.node, configuring.where);
      addPrompt(entries.get('system_instruction') ?? entries.get('systemInstruction'), 'system', configuring.where);
      addPrompt(entries.get('history'), 'messages', configuring.where);
    }
    for (const template of object?.templates ?? []) prompts.push({ node: template.node, where: template.where, kind: 'template', role: 'template' });

    const model = this.model(params, shape, api, object, where);
    const argumentsStyle = bodyNode
      ? ('object' as const)
      : isHttp
        ? ('positional' as const)
        : shape.keywords.size + shape.splats.length > 0
          ? ('keyword' as const)
          : shape.hasArguments
            ? ('positional' as const)
            : ('none' as const);
    const site: CallSite = {
      span: { ...shape.span },
      callee: calleeText(shape.fn, this.index.source),
      calleeSpan: { start: shape.fn.startIndex, end: shape.fn.endIndex },
      api,
      model: model?.value ?? null,
      modelSpan: model?.span ?? null,
      outputBound: this.bound(params, object, where),
      inLoop: inLoop(shape.anchor, this.index.source),
      messagesSpan: messages ? { start: messages.node.startIndex, end: messages.node.endIndex } : null,
      argumentsSpan: bodyNode ? { start: bodyNode.startIndex, end: bodyNode.endIndex } : { ...shape.argumentsSpan },
      argumentStyle: argumentsStyle,
      boundParameter: spec?.addBound?.python ?? null,
    };
    return { site, prompts };
  }

  /** Keyword arguments, with the entries of `**params` dicts underneath them. */
  private callParams(shape: CallShape, where: Where): Map<string, Node> {
    const params = new Map<string, Node>();
    for (const splat of shape.splats) for (const [k, v] of entriesOf(this.index, splat, where)) params.set(k, v);
    for (const [k, v] of shape.keywords) params.set(k, v);
    return params;
  }


  /** Positional arguments that carry the prompt: `model.generate_content("...")`, `completion(model, messages)`, `llm.invoke(...)`. */
  private positionalPrompts(shape: CallShape, recognized: Recognized, add: (node: Node | undefined, role: PromptRole | 'messages') => void): void {
    const first = shape.positional[0];
    switch (recognized.api) {
      case 'google.generateContent':
        if (!shape.keywords.has('contents')) add(first, 'messages');
        break;
      case 'litellm':
        if (!shape.keywords.has('messages')) add(shape.positional[shape.keywords.has('model') ? 0 : 1], 'messages');
        break;
      case 'langchain':
      case 'llamaindex':
      case 'dspy':
        if (first?.type === 'dictionary') this.inputLiterals(first, add);
        add(first ?? shape.keywords.get('input') ?? shape.keywords.get('messages') ?? shape.keywords.get('prompt') ?? shape.keywords.get('query'), 'messages');
        break;
    }
  }

  /** `executor.invoke({"input": "Summarise ..."})`: a question written into a chain's input dict is the user's prompt. */
  private inputLiterals(input: Node, add: (node: Node | undefined, role: PromptRole | 'messages') => void): void {
    for (const [key, value] of entriesOf(this.index, input, { scope: 0, at: input.startIndex })) {
      if (INPUT_KEYS.has(key) && (value.type === 'string' || value.type === 'concatenated_string')) add(value, 'user');
    }
  }

  private model(params: Map<string, Node>, shape: CallShape, api: CallApi, object: LlmObject | null, where: Where): ReturnType<typeof stringValue> {
    for (const key of MODEL_KEYS) {
      const value = stringValue(this.index, params.get(key) ?? null, where);
      if (value) return value;
    }
    if (api === 'litellm' && !params.has('model')) {
      const value = stringValue(this.index, shape.positional[0] ?? null, where);
      if (value) return value;
    }
    for (const configuring of [...(object?.configuredBy ?? [])].reverse()) {
      const found = this.modelOf(configuring);
      if (found) return found;
    }
    return null;
  }

  private modelOf(configuring: Placed): ReturnType<typeof stringValue> {
    const shape = configuring.node.type === 'call' ? shapeOfCall(configuring.node, this.index) : null;
    if (!shape) return null;
    for (const key of MODEL_KEYS) {
      const value = stringValue(this.index, shape.keywords.get(key) ?? null, configuring.where);
      if (value) return value;
    }
    return stringValue(this.index, shape.positional[0] ?? null, configuring.where);
  }

  private bound(params: Map<string, Node>, object: LlmObject | null, where: Where): OutputBound | null {
    const atCall = this.boundIn(params, where, 'call');
    if (atCall !== undefined) return atCall;
    for (const key of CONFIG_KEYS) {
      const inConfig = this.boundIn(entriesOf(this.index, params.get(key) ?? null, where), where, 'config');
      if (inConfig !== undefined) return inConfig;
    }
    for (const configuring of [...(object?.configuredBy ?? [])].reverse()) {
      const entries = entriesOf(this.index, configuring.node, configuring.where);
      const onConstructor = this.boundIn(entries, configuring.where, 'constructor');
      if (onConstructor !== undefined) return onConstructor;
      for (const key of CONFIG_KEYS) {
        const inConfig = this.boundIn(entriesOf(this.index, entries.get(key) ?? null, configuring.where), configuring.where, 'config');
        if (inConfig !== undefined) return inConfig;
      }
    }
    return null;
  }

  /** The bound among these entries; undefined when none is set, null when it is set to `None`. */
  private boundIn(entries: Map<string, Node>, where: Where, origin: OutputBound['origin']): OutputBound | null | undefined {
    for (const [parameter, node] of entries) {
      if (!ALL_BOUND_PARAMS.has(parameter)) continue;
      const value = boundValue(this.index, node, where);
      if (value.kind === 'none') return null;
      const keyNode = node.parent?.type === 'keyword_argument' || node.parent?.type === 'pair' ? node.parent : node;
      return { value: value.value, parameter, origin, span: { start: keyNode.startIndex, end: keyNode.endIndex } };
    }
    return undefined;
  }
}
