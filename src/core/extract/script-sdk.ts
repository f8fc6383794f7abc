import type { Node } from 'web-tree-sitter';
import { MODEL_CONSTRUCTORS, PROVIDER_FACTORIES } from './apis';
import type { CallApi, OutputBound, PromptRole, TextSpan } from './model';
import { dottedName, lastName, unwrap } from './script-strings';
import { type ScriptValues, memberValue, spanOf } from './script-values';

/**
 * What the objects of JS/TS LLM code are: SDK clients (`new OpenAI()`), chat models with their
 * model name and output bound (`new ChatOpenAI({...})`, `genAI.getGenerativeModel({...})`), and
 * LangChain runnables that pipe prompt templates into a model.
 */

export type Provider = 'openai' | 'anthropic' | 'google' | 'vercel-ai' | 'langchain' | 'llamaindex' | 'litellm';

/** npm modules by the provider whose SDK they are. */
export function providerOfModule(source: string): Provider | null {
  if (/^openai(\/|$)|^@azure\/openai|^groq-sdk|^together-ai/.test(source)) return 'openai';
  if (/^@anthropic-ai\//.test(source)) return 'anthropic';
  if (/^@google\/(genai|generative-ai)|^@google-cloud\/vertexai|^firebase\/(vertexai|ai)/.test(source)) return 'google';
  if (/^ai$|^@ai-sdk\//.test(source)) return 'vercel-ai';
  if (/^@?langchain\b/.test(source)) return 'langchain';
  if (/^@?llamaindex\b/.test(source)) return 'llamaindex';
  if (/litellm/.test(source)) return 'litellm';
  return null;
}

/** SDK client classes: calls go through `client.chat.completions.create(...)` and the like. */
const CLIENT_CLASSES: Record<string, Provider> = {
  OpenAI: 'openai',
  OpenAIApi: 'openai',
  AzureOpenAI: 'openai',
  Groq: 'openai',
  Together: 'openai',
  Anthropic: 'anthropic',
  AnthropicBedrock: 'anthropic',
  AnthropicVertex: 'anthropic',
  GoogleGenAI: 'google',
  GoogleGenerativeAI: 'google',
  VertexAI: 'google',
};

/** Prompt text an object carries into the calls made through it, and how to read it. */
export interface PromptArg {
  node: Node;
  /** `text`: a string expression; `messages`: a list of messages; `template`: a framework template construct. */
  mode: 'text' | 'messages' | 'template';
  role: PromptRole | null;
}

export interface ModelInfo {
  api: CallApi;
  provider: string;
  model: string | null;
  modelSpan: TextSpan | null;
  bound: OutputBound | null;
  prompts: PromptArg[];
  /** The constructor's options object, where a fix would add a bound. */
  options: Node | null;
}

export type Described =
  | { kind: 'client'; provider: Provider }
  | { kind: 'runnable'; model: ModelInfo | null; prompts: PromptArg[] };

/** Bound parameters of chat model constructors (LangChain, LlamaIndex, Gemini's generationConfig). */
const MODEL_BOUND_PARAMS = ['maxTokens', 'maxOutputTokens', 'max_tokens', 'maxCompletionTokens', 'numPredict', 'maxNewTokens'];
/** Nested objects that hold generation settings, and so output bounds. */
export const CONFIG_CONTAINERS = ['config', 'generationConfig', 'generation_config', 'modelKwargs', 'options', 'inferenceConfig', 'parameters', 'callOptions'];
const MODEL_PARAMS = ['model', 'modelName', 'model_name'];

/** Chained calls that return the same runnable, configured. */
const PASS_THROUGH = new Set(['withStructuredOutput', 'bind', 'bindTools', 'withConfig', 'withRetry', 'withFallbacks', 'withListeners', 'asTool', 'startChat']);
/** LangChain calls that build a prompt template. */
export const TEMPLATE_FACTORIES = new Set(['fromMessages', 'fromTemplate', 'fromPromptMessages']);
export const TEMPLATE_CLASSES = new Set(['PromptTemplate', 'ChatPromptTemplate', 'FewShotPromptTemplate']);

export interface ModelValue {
  value: string;
  span: TextSpan;
}

const MAX_DEPTH = 8;

/** Reads SDK objects out of expressions, following the file's bindings. */
export class ScriptSdk {
  constructor(private readonly values: ScriptValues) {}

  /** The import a local name comes from, when it is imported. */
  importOf(name: string): { source: string; imported: string } | undefined {
    return this.values.index.imports.get(name);
  }

  /** The provider whose module a dotted name's root is imported from. */
  providerOfName(dotted: string): Provider | null {
    const root = dotted.split('.')[0];
    const imported = this.importOf(root);
    return imported ? providerOfModule(imported.source) : null;
  }

  /** True when the file imports any module of `provider`. */
  imports(provider: Provider): boolean {
    for (const imported of this.values.index.imports.values()) if (providerOfModule(imported.source) === provider) return true;
    return false;
  }

  /**
   * The model string of an expression: a literal or constant (`"gpt-4o"`), a provider factory
   * call (`openai("gpt-4o")` is `openai/gpt-4o`), or a literal default (`env.MODEL ?? "gpt-4o"`).
   */
  modelOf(node: Node | null, depth = 0): ModelValue | null {
    if (!node || depth > MAX_DEPTH) return null;
    const constant = this.values.stringOf(node);
    if (constant) return { value: constant.value, span: spanOf(constant.node) };
    const value = this.values.valueOf(node);
    if (value.type !== 'call_expression') return null;
    const fn = value.childForFieldName('function');
    const arg = value.childForFieldName('arguments')?.namedChildren[0];
    const name = fn ? dottedName(fn) : null;
    if (!name || !arg) return null;
    const inner = this.values.stringOf(arg);
    if (!inner) return null;
    const root = name.split('.')[0];
    const source = this.importOf(root)?.source;
    const provider = source?.startsWith('@ai-sdk/') ? (PROVIDER_FACTORIES[source.slice(8)] ?? source.slice(8)) : PROVIDER_FACTORIES[root];
    const model = provider && !inner.value.includes('/') ? `${provider}/${inner.value}` : inner.value;
    return { value: model, span: spanOf(inner.node) };
  }

  /** What an expression is, following bindings: a client, a model, a chain, or nothing known. */
  describe(node: Node | null, depth = 0): Described | null {
    if (!node || depth > MAX_DEPTH) return null;
    const n = this.values.valueOf(node);
    if (n.type === 'new_expression') return this.describeNew(n, depth);
    if (n.type === 'call_expression') return this.describeCall(n, depth);
    return null;
  }

  private describeNew(n: Node, depth: number): Described | null {
    const ctor = n.childForFieldName('constructor');
    const name = ctor ? dottedName(ctor) : null;
    if (!name) return null;
    const cls = lastName(name);
    const args = n.childForFieldName('arguments');
    const options = this.values.objectOf(args?.namedChildren[0] ?? null);
    const source = this.importOf(name.split('.')[0])?.source ?? '';
    const framework = providerOfModule(source);
    const fromFramework = framework === 'langchain' || framework === 'llamaindex';
    if (cls in CLIENT_CLASSES && !fromFramework) return { kind: 'client', provider: CLIENT_CLASSES[cls] };
    if (TEMPLATE_CLASSES.has(cls)) return { kind: 'runnable', model: null, prompts: [{ node: n, mode: 'template', role: null }] };
    const known = MODEL_CONSTRUCTORS[cls];
    // Framework chat model classes not in the table: `ChatDeepSeek`, LlamaIndex's `Gemini({ model })`.
    const isFrameworkModel = fromFramework && (cls.startsWith('Chat') || this.values.members(options).has('model'));
    if (known || isFrameworkModel) {
      const provider = known?.provider ?? (source.match(/^@(?:langchain|llamaindex)\/([\w-]+)/)?.[1] ?? framework ?? 'unknown');
      const api = fromFramework ? (framework as CallApi) : known.api;
      return { kind: 'runnable', model: this.modelInfo(n, { provider, api }, options), prompts: [] };
    }
    return this.describeComposite(options, depth);
  }

  private describeCall(n: Node, depth: number): Described | null {
    const fn = n.childForFieldName('function');
    const args = n.childForFieldName('arguments');
    if (!fn || !args) return null;
    const name = dottedName(fn) ?? '';
    const receiver = fn.type === 'member_expression' ? fn.childForFieldName('object') : null;
    const method = fn.type === 'member_expression' ? (fn.childForFieldName('property')?.text ?? '') : lastName(name);
    const first = args.namedChildren[0] ?? null;
    if (method === 'getGenerativeModel' || (method === 'create' && name.endsWith('chats.create'))) {
      return { kind: 'runnable', model: this.modelInfo(n, { provider: 'google', api: 'google.generateContent' }, this.values.objectOf(first)), prompts: [] };
    }
    if (method === 'initChatModel' && first) {
      const info = this.modelInfo(n, { provider: 'langchain', api: 'langchain' }, this.values.objectOf(args.namedChildren[1] ?? null));
      const model = this.modelOf(first);
      return { kind: 'runnable', model: { ...info, model: model?.value ?? null, modelSpan: model?.span ?? null }, prompts: [] };
    }
    if (TEMPLATE_FACTORIES.has(method)) return { kind: 'runnable', model: null, prompts: [{ node: n, mode: 'template', role: null }] };
    if (receiver && PASS_THROUGH.has(method)) return this.describe(receiver, depth + 1);
    if (receiver && method === 'pipe') return merge(this.describe(receiver, depth + 1), this.describe(first, depth + 1));
    if (name.endsWith('RunnableSequence.from') || name === 'RunnableSequence.from') {
      const list = first ? this.values.valueOf(first) : null;
      let out: Described | null = null;
      for (const element of list?.type === 'array' ? list.namedChildren : []) if (element) out = merge(out, this.describe(element, depth + 1));
      return out;
    }
    return this.describeComposite(this.values.objectOf(first), depth);
  }

  /** `new LLMChain({ llm, prompt })`, `createStuffDocumentsChain({ llm, prompt })`: a chain of its parts. */
  private describeComposite(options: Node | null, depth: number): Described | null {
    if (!options) return null;
    const members = this.values.members(options);
    const llm = members.get('llm') ?? members.get('model');
    const described = llm ? this.describe(memberValue(llm), depth + 1) : null;
    if (described?.kind !== 'runnable' || !described.model) return null;
    const prompt = members.get('prompt');
    return merge(described, prompt ? this.describe(memberValue(prompt), depth + 1) : null);
  }

  /** Model, bound and system prompt given to a model constructor or factory. */
  private modelInfo(n: Node, kind: { provider: string; api: CallApi }, options: Node | null): ModelInfo {
    const members = this.values.members(options);
    let model: ModelValue | null = null;
    for (const param of MODEL_PARAMS) {
      const member = members.get(param);
      if (member && (model = this.modelOf(memberValue(member)))) break;
    }
    if (!model && !options) model = this.modelOf(unwrap(n).childForFieldName('arguments')?.namedChildren[0] ?? null);
    let bound = this.values.boundIn(options, MODEL_BOUND_PARAMS, 'constructor');
    for (const container of CONFIG_CONTAINERS) {
      if (bound) break;
      const member = members.get(container);
      bound = this.values.boundIn(this.values.objectOf(member ? memberValue(member) : null), MODEL_BOUND_PARAMS, 'config');
    }
    const prompts: PromptArg[] = [];
    const system = members.get('systemInstruction') ?? members.get('system_instruction');
    const config = members.get('config');
    const configSystem = config ? this.values.members(this.values.objectOf(memberValue(config))).get('systemInstruction') : undefined;
    for (const member of [system, configSystem]) {
      const value = member ? memberValue(member) : null;
      if (value) prompts.push({ node: value, mode: 'text', role: 'system' });
    }
    return { ...kind, model: model?.value ?? null, modelSpan: model?.span ?? null, bound, prompts, options };
  }
}

/** Two runnables piped together: the first model found, all prompts. */
function merge(a: Described | null, b: Described | null): Described | null {
  if (!a || a.kind !== 'runnable') return b?.kind === 'runnable' ? b : a;
  if (!b || b.kind !== 'runnable') return a;
  return { kind: 'runnable', model: a.model ?? b.model, prompts: [...a.prompts, ...b.prompts] };
}
