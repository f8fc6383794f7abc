import type { Node } from 'web-tree-sitter';
import { MODEL_CONSTRUCTORS } from './apis';
import type { CallApi } from './model';
import { dottedName, type PyIndex } from './python-index';
import { definitionsOfNode, whereOf, type Where } from './python-resolve';
import { readString } from './python-strings';

/**
 * What a receiver expression holds, as far as the file says: an SDK client (`OpenAI()`), a chat
 * model (`ChatOpenAI(...)`, `genai.GenerativeModel(...)`), a chat session, or a chain / agent /
 * DSPy module built around a model. Followed through variables, `self.x` attributes, `prompt | llm`
 * pipes, `.bind(...)`-style wrappers and constructors that take the model as an argument.
 */

export type LlmObjectKind = 'client' | 'model' | 'chat' | 'chain' | 'router';

/** An expression with the place it sits in, for resolving the names in it. */
export interface Placed {
  node: Node;
  where: Where;
}

export interface LlmObject {
  kind: LlmObjectKind;
  /** `openai`, `anthropic`, `google`, ...; for clients of other services (`twilio`) too. */
  provider: string | null;
  api: CallApi | null;
  /** The calls that configure it (constructor, `.bind(...)`, `chats.create(...)`), outermost last. */
  configuredBy: Placed[];
  /** Prompt templates (or DSPy signatures) piped into a chain. */
  templates: Placed[];
}

const SDK_CLIENTS: Readonly<Record<string, string>> = {
  OpenAI: 'openai',
  AsyncOpenAI: 'openai',
  AzureOpenAI: 'openai',
  AsyncAzureOpenAI: 'openai',
  Anthropic: 'anthropic',
  AsyncAnthropic: 'anthropic',
  AnthropicBedrock: 'anthropic',
  AsyncAnthropicBedrock: 'anthropic',
  AnthropicVertex: 'anthropic',
  AsyncAnthropicVertex: 'anthropic',
  Groq: 'groq',
  AsyncGroq: 'groq',
  Together: 'together',
  Cerebras: 'cerebras',
  Mistral: 'mistral',
};

/** Methods that return the same model or chain, configured further. */
const WRAPPERS = new Set([
  'bind',
  'bind_tools',
  'with_structured_output',
  'with_retry',
  'with_config',
  'with_fallbacks',
  'with_types',
  'with_listeners',
  'configurable_fields',
  'configurable_alternatives',
  'with_options',
  'start_chat',
]);

/** Keyword names under which a model object is handed to a chain, agent or engine. */
const MODEL_KEYWORDS = new Set(['llm', 'model', 'chat_model', 'lm', 'agent', 'chain', 'runnable']);

const MAX_DEPTH = 8;

/** Input and output field lists around `->`, with optional `: type` annotations. */
const INLINE_SIGNATURE = /^[\w\s,:\[\]]+->[\w\s,:\[\]]+$/;

/** `dspy.configure(lm=...)`, `dspy.settings.context(lm=...)`: calls that set the default model. */
export function configuresDefaults(name: string): boolean {
  return name === 'configure' || name === 'context';
}

export class ObjectResolver {
  private readonly memo = new Map<number, LlmObject | null>();
  private defaultLm: Placed[] | undefined;
  private defaultLlm: Placed[] | undefined;

  constructor(private readonly index: PyIndex) {}

  private text(node: Node): string {
    return this.index.source.slice(node.startIndex, node.endIndex);
  }

  /** The dotted origin of a callee, through imports: `genai.GenerativeModel` -> `google.generativeai.GenerativeModel`. */
  qualified(callee: Node): string {
    const name = dottedName(callee, this.index.source) ?? '';
    const head = name.split('.')[0];
    const origin = this.index.imports.get(head);
    return origin ? origin + name.slice(head.length) : name;
  }

  describe(node: Node | null, where: Where, depth = 0): LlmObject | null {
    if (!node || depth > MAX_DEPTH) return null;
    const memoKey = node.id;
    if (this.memo.has(memoKey)) return this.memo.get(memoKey)!;
    this.memo.set(memoKey, null); // cycle guard
    const found = this.describeUncached(node, where, depth);
    this.memo.set(memoKey, found);
    return found;
  }

  private describeUncached(node: Node, where: Where, depth: number): LlmObject | null {
    switch (node.type) {
      case 'identifier':
      case 'attribute': {
        for (const binding of definitionsOfNode(this.index, node, where, false).reverse()) {
          const found = this.describe(binding.value, whereOf(binding), depth + 1);
          if (found) return found;
        }
        return null;
      }
      case 'parenthesized_expression':
      case 'await':
        return this.describe(node.namedChildren[0] ?? null, where, depth + 1);
      case 'binary_operator':
        return this.pipe(node, where, depth);
      case 'call':
        return this.call(node, where, depth);
      default:
        return null;
    }
  }

  /** `prompt | llm | parser`: a chain with the model and the templates in it. */
  private pipe(node: Node, where: Where, depth: number): LlmObject | null {
    const operator = node.childForFieldName('operator');
    if (!operator || this.text(operator) !== '|') return null;
    const operands: Node[] = [];
    const flatten = (n: Node): void => {
      const op = n.type === 'binary_operator' ? n.childForFieldName('operator') : null;
      if (op && this.text(op) === '|') {
        flatten(n.childForFieldName('left')!);
        flatten(n.childForFieldName('right')!);
      } else if (n.type === 'parenthesized_expression' && n.namedChildren[0]) {
        flatten(n.namedChildren[0]);
      } else {
        operands.push(n);
      }
    };
    flatten(node);
    let model: LlmObject | null = null;
    const templates: Placed[] = [];
    for (const operand of operands) {
      const described = this.describe(operand, where, depth + 1);
      if (described && (described.kind === 'model' || described.kind === 'chain')) {
        model ??= described;
        templates.push(...described.templates);
      } else {
        templates.push({ node: operand, where });
      }
    }
    return model ? { ...model, kind: 'chain', templates } : null;
  }

  private call(node: Node, where: Where, depth: number): LlmObject | null {
    const fn = node.childForFieldName('function');
    if (!fn) return null;
    const args = node.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => !!n) ?? [];
    const configured: Placed = { node, where };

    if (fn.type === 'attribute') {
      const receiver = fn.childForFieldName('object');
      const method = this.text(fn.childForFieldName('attribute')!);
      if (WRAPPERS.has(method) && receiver) {
        const inner = this.describe(receiver, where, depth + 1);
        if (inner && inner.kind !== 'client') {
          const kind = method === 'start_chat' ? 'chat' : inner.kind;
          return { ...inner, kind, configuredBy: [...inner.configuredBy, configured] };
        }
        if (inner) return inner;
      }
      // Google genai: `client.chats.create(model=...)` opens a chat session.
      if (method === 'create' && receiver?.type === 'attribute' && this.text(receiver).endsWith('chats')) {
        return { kind: 'chat', provider: 'google', api: 'google.generateContent', configuredBy: [configured], templates: [] };
      }
      if ((method === 'as_query_engine' || method === 'as_chat_engine' || method === 'as_retriever_engine') && receiver) {
        const passed = this.modelArgument(args, where, depth);
        return { kind: 'chain', provider: null, api: 'llamaindex', configuredBy: passed.length > 0 ? passed : this.llamaIndexDefaultLlm(depth), templates: [] };
      }
    }

    const qualified = this.qualified(fn);
    const last = qualified.slice(qualified.lastIndexOf('.') + 1);
    const fromLangchain = /langchain/.test(qualified);
    const fromLlamaIndex = /llama_index/.test(qualified);

    if (last in SDK_CLIENTS && !fromLangchain && !fromLlamaIndex) {
      return { kind: 'client', provider: SDK_CLIENTS[last], api: null, configuredBy: [configured], templates: [] };
    }
    if ((last === 'Client' || last === 'AsyncClient') && qualified.includes('.')) {
      const provider = /genai/.test(qualified) ? 'google' : qualified.split('.')[0].toLowerCase();
      return { kind: 'client', provider, api: null, configuredBy: [configured], templates: [] };
    }
    if (last === 'Router' && /litellm/.test(qualified)) {
      return { kind: 'router', provider: 'litellm', api: 'litellm', configuredBy: [configured], templates: [] };
    }
    const known = MODEL_CONSTRUCTORS[qualified] ?? MODEL_CONSTRUCTORS[last];
    if (fromLlamaIndex && /^[A-Z]/.test(last) && /llms?\b|llms\./.test(qualified)) {
      return { kind: 'model', provider: known?.provider ?? null, api: 'llamaindex', configuredBy: [configured], templates: [] };
    }
    if (fromLangchain && (/^(Chat|Azure)[A-Z]/.test(last) || known || /^(OpenAI|Ollama|OllamaLLM|HuggingFaceEndpoint|VertexAI|Bedrock)$/.test(last))) {
      return { kind: 'model', provider: known?.provider ?? null, api: 'langchain', configuredBy: [configured], templates: [] };
    }
    if (last === 'init_chat_model') {
      return { kind: 'model', provider: null, api: 'langchain', configuredBy: [configured], templates: [] };
    }
    if (known && (last !== 'LM' || /dspy/.test(qualified))) {
      return { kind: 'model', provider: known.provider, api: known.api, configuredBy: [configured], templates: [] };
    }
    if (/dspy/.test(qualified) && /^(Predict|ChainOfThought|ReAct|ProgramOfThought|MultiChainComparison|ChainOfThoughtWithHint)$/.test(last)) {
      const lm = args.find((a) => a.type === 'keyword_argument' && this.text(a.childForFieldName('name')!) === 'lm')?.childForFieldName('value');
      const configuredBy = (lm ? this.describe(lm, where, depth + 1)?.configuredBy : undefined) ?? this.dspyDefaultLm(depth);
      const signature = args.slice(0, 1).filter((n) => !this.isInlineSignature(n));
      return { kind: 'chain', provider: 'dspy', api: 'dspy', configuredBy, templates: signature.map((n) => ({ node: n, where })) };
    }

    // A chain, agent or engine built around a model: `LLMChain(llm=llm, prompt=p)`, `create_react_agent(llm, tools, prompt)`.
    let model: LlmObject | null = null;
    const templates: Placed[] = [];
    for (const arg of args) {
      const isKeyword = arg.type === 'keyword_argument';
      const key = isKeyword ? this.text(arg.childForFieldName('name')!) : '';
      const value = isKeyword ? arg.childForFieldName('value') : arg;
      if (!value) continue;
      if (!isKeyword || MODEL_KEYWORDS.has(key)) {
        const described = this.describe(value, where, depth + 1);
        if (described && (described.kind === 'model' || described.kind === 'chain')) {
          model ??= described;
          templates.push(...described.templates);
          continue;
        }
        // Wrappers such as `instructor.from_openai(OpenAI())` hand the client back.
        if (described?.kind === 'client' && !isKeyword && args.length === 1) return described;
      }
      if (/prompt|template/i.test(key) || (!isKeyword && value.type === 'identifier')) templates.push({ node: value, where });
    }
    return model ? { ...model, kind: 'chain', templates } : null;
  }

  /** `"context, question -> answer"`: field names of an inline DSPy signature, not text for the model. */
  private isInlineSignature(node: Node): boolean {
    return node.type === 'string' && INLINE_SIGNATURE.test(readString(node, this.index.source).text);
  }

  /** The LM set with `dspy.configure(lm=...)` / `dspy.settings.configure(lm=...)` anywhere in the file. */
  private dspyDefaultLm(depth: number): Placed[] {
    this.defaultLm ??= this.findDspyDefaultLm(depth);
    return this.defaultLm;
  }

  private findDspyDefaultLm(depth: number): Placed[] {
    for (const call of this.index.calls) {
      if (!configuresDefaults(call.callee.slice(call.callee.lastIndexOf('.') + 1))) continue;
      const { node } = call;
      const callee = dottedName(node.childForFieldName('function'), this.index.source) ?? '';
      if (!/(^|\.)(configure|context)$/.test(callee) || !/dspy|settings/.test(callee)) continue;
      for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
        if (arg?.type !== 'keyword_argument' || this.text(arg.childForFieldName('name')!) !== 'lm') continue;
        const described = this.describe(arg.childForFieldName('value'), { scope: call.scope, at: node.startIndex }, depth + 1);
        if (described) return described.configuredBy;
      }
    }
    return [];
  }

  /** The LLM set with `Settings.llm = ...` anywhere in the file: LlamaIndex engines use it when given none. */
  private llamaIndexDefaultLlm(depth: number): Placed[] {
    this.defaultLlm ??= this.findLlamaIndexDefaultLlm(depth);
    return this.defaultLlm;
  }

  private findLlamaIndexDefaultLlm(depth: number): Placed[] {
    for (const binding of this.index.bindingsOf('Settings.llm').slice().reverse()) {
      const described = this.describe(binding.value, whereOf(binding), depth + 1);
      if (described?.kind === 'model') return described.configuredBy;
    }
    return [];
  }

  /** `as_query_engine(llm=llm)`: the configuring calls of the model passed in. */
  private modelArgument(args: Node[], where: Where, depth: number): Placed[] {
    for (const arg of args) {
      if (arg.type !== 'keyword_argument' || this.text(arg.childForFieldName('name')!) !== 'llm') continue;
      const described = this.describe(arg.childForFieldName('value'), where, depth + 1);
      if (described) return described.configuredBy;
    }
    return [];
  }
}
