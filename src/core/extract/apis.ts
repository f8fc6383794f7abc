import type { CallApi, PromptRole } from './model';

/**
 * What each SDK surface looks like, in terms both language modules share: the callee paths that
 * identify it, which argument holds the model, which arguments carry prompt text and in which
 * role, which parameters bound the output, and which one a fix should add.
 * Python spells parameters in snake_case, the JS SDKs in camelCase where they differ.
 */
export interface ApiSpec {
  api: CallApi;
  /** Dotted callee suffixes; `a.b.c` matches `client.a.b.c` and `self.client.a.b.c`. */
  callees: readonly string[];
  /** Bare function names that are the call when imported from the SDK (`completion`, `generateText`). */
  functions?: readonly string[];
  modelParams: readonly string[];
  /** Argument name -> role of the text it carries; `messages` means a list of role/content items. */
  promptParams: Readonly<Record<string, PromptRole | 'messages'>>;
  /** Parameters that bound the output, in any spelling the SDKs accept. */
  boundParams: readonly string[];
  /** The parameter a fix adds, per language family. */
  addBound: { python: string; js: string } | null;
  /** Where the added bound lives when it is not a top-level argument (Gemini's config object). */
  boundContainer?: { python: string; js: string };
}

export const API_SPECS: readonly ApiSpec[] = [
  {
    api: 'openai.chat',
    callees: ['chat.completions.create', 'chat.completions.parse', 'chat.completions.stream', 'ChatCompletion.create', 'ChatCompletion.acreate', 'createChatCompletion'],
    modelParams: ['model', 'engine'],
    promptParams: { messages: 'messages' },
    boundParams: ['max_tokens', 'max_completion_tokens', 'maxTokens'],
    addBound: { python: 'max_completion_tokens', js: 'max_completion_tokens' },
  },
  {
    api: 'openai.responses',
    callees: ['responses.create', 'responses.parse', 'responses.stream'],
    modelParams: ['model'],
    promptParams: { instructions: 'system', input: 'messages' },
    boundParams: ['max_output_tokens'],
    addBound: { python: 'max_output_tokens', js: 'max_output_tokens' },
  },
  {
    api: 'openai.completions',
    callees: ['completions.create', 'Completion.create', 'Completion.acreate', 'createCompletion'],
    modelParams: ['model', 'engine'],
    promptParams: { prompt: 'user' },
    boundParams: ['max_tokens'],
    addBound: { python: 'max_tokens', js: 'max_tokens' },
  },
  {
    // Legacy Anthropic text completions: same callee as OpenAI's, told apart by the client it is called on.
    api: 'anthropic.completions',
    callees: ['completions.create'],
    modelParams: ['model'],
    promptParams: { prompt: 'user' },
    boundParams: ['max_tokens_to_sample'],
    addBound: { python: 'max_tokens_to_sample', js: 'max_tokens_to_sample' },
  },
  {
    api: 'anthropic.messages',
    callees: ['messages.create', 'messages.stream', 'messages.parse', 'beta.messages.create', 'beta.messages.stream'],
    modelParams: ['model'],
    promptParams: { system: 'system', messages: 'messages' },
    boundParams: ['max_tokens'],
    addBound: { python: 'max_tokens', js: 'max_tokens' },
  },
  {
    api: 'google.generateContent',
    callees: ['models.generate_content', 'models.generate_content_stream', 'models.generateContent', 'models.generateContentStream', 'generate_content', 'generate_content_async', 'generateContent', 'generateContentStream', 'send_message', 'sendMessage'],
    modelParams: ['model', 'model_name'],
    promptParams: { contents: 'messages', system_instruction: 'system', systemInstruction: 'system' },
    boundParams: ['max_output_tokens', 'maxOutputTokens'],
    addBound: { python: 'max_output_tokens', js: 'maxOutputTokens' },
    boundContainer: { python: 'config', js: 'config' },
  },
  {
    api: 'litellm',
    callees: ['litellm.completion', 'litellm.acompletion', 'litellm.text_completion', 'router.completion', 'router.acompletion'],
    functions: ['completion', 'acompletion'],
    modelParams: ['model'],
    promptParams: { messages: 'messages', prompt: 'user' },
    boundParams: ['max_tokens', 'max_completion_tokens'],
    addBound: { python: 'max_tokens', js: 'max_tokens' },
  },
  {
    api: 'vercel-ai',
    callees: [],
    functions: ['generateText', 'streamText', 'generateObject', 'streamObject', 'streamUI'],
    modelParams: ['model'],
    promptParams: { system: 'system', prompt: 'user', messages: 'messages' },
    boundParams: ['maxOutputTokens', 'maxTokens'],
    addBound: { python: 'maxOutputTokens', js: 'maxOutputTokens' },
  },
  {
    api: 'mistral.chat',
    callees: ['chat.complete', 'chat.complete_async', 'chat.stream', 'chat.stream_async'],
    modelParams: ['model'],
    promptParams: { messages: 'messages' },
    boundParams: ['max_tokens', 'maxTokens'],
    addBound: { python: 'max_tokens', js: 'maxTokens' },
  },
  {
    api: 'ollama',
    callees: ['ollama.chat', 'ollama.generate'],
    modelParams: ['model'],
    promptParams: { messages: 'messages', prompt: 'user', system: 'system' },
    boundParams: ['num_predict'],
    addBound: { python: 'num_predict', js: 'num_predict' },
    boundContainer: { python: 'options', js: 'options' },
  },
  {
    api: 'langchain',
    callees: ['invoke', 'ainvoke', 'stream', 'astream', 'batch', 'abatch', 'predict', 'apredict'],
    modelParams: ['model', 'model_name', 'modelName'],
    promptParams: {},
    boundParams: ['max_tokens', 'max_output_tokens', 'maxTokens', 'maxOutputTokens', 'max_new_tokens', 'num_predict', 'numPredict'],
    addBound: { python: 'max_tokens', js: 'maxTokens' },
  },
  {
    api: 'llamaindex',
    callees: ['complete', 'acomplete', 'chat', 'achat', 'stream_complete', 'stream_chat', 'query'],
    modelParams: ['model'],
    promptParams: {},
    boundParams: ['max_tokens', 'maxTokens', 'num_output'],
    addBound: { python: 'max_tokens', js: 'maxTokens' },
  },
];

/** LLM client / chat model classes whose constructor carries a model and an output bound. */
export const MODEL_CONSTRUCTORS: Readonly<Record<string, { provider: string; api: CallApi }>> = {
  ChatOpenAI: { provider: 'openai', api: 'langchain' },
  AzureChatOpenAI: { provider: 'openai', api: 'langchain' },
  OpenAI: { provider: 'openai', api: 'llamaindex' },
  ChatAnthropic: { provider: 'anthropic', api: 'langchain' },
  Anthropic: { provider: 'anthropic', api: 'llamaindex' },
  ChatGoogleGenerativeAI: { provider: 'google', api: 'langchain' },
  ChatVertexAI: { provider: 'google', api: 'langchain' },
  ChatMistralAI: { provider: 'mistral', api: 'langchain' },
  ChatGroq: { provider: 'groq', api: 'langchain' },
  ChatOllama: { provider: 'ollama', api: 'langchain' },
  ChatLiteLLM: { provider: 'litellm', api: 'langchain' },
  GenerativeModel: { provider: 'google', api: 'google.generateContent' },
  getGenerativeModel: { provider: 'google', api: 'google.generateContent' },
  'dspy.LM': { provider: 'dspy', api: 'dspy' },
  LM: { provider: 'dspy', api: 'dspy' },
};

/** Vercel AI SDK provider factories: `openai('gpt-4o')` names the model `openai/gpt-4o`. */
export const PROVIDER_FACTORIES: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  vertex: 'google',
  mistral: 'mistral',
  groq: 'groq',
  deepseek: 'deepseek',
  xai: 'xai',
  ollama: 'ollama',
  azure: 'azure',
};

/** Host names of provider HTTP endpoints, for raw `fetch` / `requests` calls. */
export const PROVIDER_HOSTS: Readonly<Record<string, CallApi>> = {
  'api.openai.com/v1/chat/completions': 'openai.chat',
  'api.openai.com/v1/responses': 'openai.responses',
  'api.openai.com/v1/completions': 'openai.completions',
  'api.anthropic.com/v1/messages': 'anthropic.messages',
  'generativelanguage.googleapis.com': 'google.generateContent',
  'openrouter.ai/api/v1/chat/completions': 'openai.chat',
  '/v1/chat/completions': 'openai.chat',
  '/chat/completions': 'openai.chat',
  // Ollama's native API; its OpenAI-compatible `/v1/chat/completions` is matched above.
  '/api/chat': 'ollama',
  '/api/generate': 'ollama',
};

/** The spec whose callee suffix or bare function name matches a dotted callee, or undefined. */
export function specForCallee(callee: string): ApiSpec | undefined {
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  for (const spec of API_SPECS) {
    if (spec.api === 'langchain' || spec.api === 'llamaindex') continue; // need a receiver known to be a model
    if (spec.callees.some((suffix) => callee === suffix || callee.endsWith(`.${suffix}`))) return spec;
    if (spec.functions?.includes(callee) || (spec.functions?.includes(last) && callee.startsWith('ai.'))) return spec;
  }
  return undefined;
}

export function specFor(api: CallApi): ApiSpec | undefined {
  return API_SPECS.find((s) => s.api === api);
}
