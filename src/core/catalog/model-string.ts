/**
 * Reading model strings as people write them in code: `openai/gpt-4o`, `openai:gpt-4o`,
 * `models/gemini-1.5-pro`, `ollama/qwen2.5:7b`, Bedrock ids (`us.anthropic.claude-...-v2:0`) and
 * Vertex ids (`claude-3-5-sonnet-v2@20241022`, `publishers/google/models/gemini-1.5-pro`).
 */

/** Local servers: any model name after the prefix is a local model (LiteLLM spellings included). */
const LOCAL_SERVERS: Readonly<Record<string, string>> = {
  ollama: 'Ollama',
  ollama_chat: 'Ollama',
  lmstudio: 'LM Studio',
  lm_studio: 'LM Studio',
  localai: 'LocalAI',
  vllm: 'vLLM',
  hosted_vllm: 'vLLM',
};

/** Provider spellings used by SDKs and routers (LiteLLM, Vercel AI, pydantic-ai) mapped to catalog ids. */
const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  gemini: 'google',
  'google-gla': 'google',
  'google-vertex': 'google',
  vertex: 'google',
  vertex_ai: 'google',
  vertexai: 'google',
  bedrock: 'aws',
  'amazon-bedrock': 'aws',
  azure_openai: 'azure',
  'azure-openai': 'azure',
  mistralai: 'mistral',
  together_ai: 'together',
  togetherai: 'together',
  fireworks_ai: 'fireworks',
  xai: 'x-ai',
  moonshot: 'moonshotai',
  voyage: 'voyageai',
};

/** Bedrock model ids: an optional region profile, then `vendor.model`. */
const BEDROCK_ID = /^(?:(?:us|eu|apac|global|au|jp|ca|us-gov)\.)?(?:anthropic|meta|amazon|mistral|cohere|ai21|deepseek|qwen|openai|writer)\.[a-z0-9]/;

export interface LocalModelString {
  server: string;
  serverName: string;
  model: string;
}

/** The local server and model name when `text` names a model on a local server. */
export function parseLocal(text: string, providerHint?: string): LocalModelString | undefined {
  const hinted = providerHint?.toLowerCase();
  if (hinted && LOCAL_SERVERS[hinted]) return { server: localServerId(hinted), serverName: LOCAL_SERVERS[hinted], model: text };
  const match = /^([a-z_]+)[/:](.+)$/i.exec(text);
  const prefix = match?.[1].toLowerCase();
  if (!match || !prefix || !LOCAL_SERVERS[prefix]) return undefined;
  return { server: localServerId(prefix), serverName: LOCAL_SERVERS[prefix], model: match[2] };
}

/** One canonical id per server (`ollama_chat` is Ollama, `hosted_vllm` is vLLM). */
function localServerId(prefix: string): string {
  return { ollama_chat: 'ollama', lm_studio: 'lmstudio', hosted_vllm: 'vllm' }[prefix] ?? prefix;
}

/** The catalog provider id for a provider spelling, if it names one of `knownProviders`. */
export function providerId(spelling: string, knownProviders: ReadonlySet<string>): string | undefined {
  const lower = spelling.toLowerCase();
  const id = PROVIDER_ALIASES[lower] ?? lower;
  return knownProviders.has(id) ? id : undefined;
}

export interface ModelQuery {
  /** The provider the string or the caller names, if any. */
  provider?: string;
  /** Names to try in order: as written first, then with SDK path prefixes and Vertex version suffixes removed. */
  names: string[];
}

/**
 * Splits a model string into a provider (from a `provider/` or `provider:` prefix, else the hint,
 * else implied by a Bedrock or Vertex form) and the model names to try.
 */
export function parseModelString(text: string, knownProviders: ReadonlySet<string>, providerHint?: string): ModelQuery {
  let provider = providerHint ? providerId(providerHint, knownProviders) : undefined;
  let name = text;
  const prefixed = /^([a-z0-9_.-]+)[/:](.+)$/i.exec(text);
  const prefixProvider = prefixed ? providerId(prefixed[1], knownProviders) : undefined;
  if (prefixed && prefixProvider) {
    provider = prefixProvider;
    name = prefixed[2];
  }
  const names = [name];
  const afterModels = /(?:^|\/)models\/([^/]+)$/.exec(name);
  if (afterModels) names.push(afterModels[1]);
  const vertexVersion = /^([^@]+)@[\w.-]+$/.exec(names[names.length - 1]);
  if (vertexVersion) {
    names.push(vertexVersion[1]);
    provider ??= 'google';
  }
  if (!provider && BEDROCK_ID.test(name.toLowerCase())) provider = 'aws';
  return { provider, names };
}
