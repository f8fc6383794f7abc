/**
 * From a model id as the user writes it (`openai/gpt-4o-mini`, `anthropic/claude-haiku-4-5`,
 * `ollama/qwen2.5:7b`, `gpt-4o`) to something that can be called: the provider's endpoint, the
 * model's API name, its catalog entry for prices, and an official SDK client with the key.
 * Clients are made once per provider and key and reused; SDK retries are off (call.ts retries).
 */
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import type { Catalog, ModelInfo } from '../../core/catalog';
import type { KeySource } from '../secrets';
import { anthropicAdapter } from './anthropic-messages';
import { anthropicBatchApi } from './batch/anthropic-batch';
import { geminiBatchApi } from './batch/gemini-batch';
import { openAiBatchApi } from './batch/openai-batch';
import type { BatchApi } from './batch/types';
import { callWithRetry, type CallOptions } from './call';
import { endpointFor, providerName, type Endpoint, type ProvidersConfig } from './endpoints';
import { ProviderError } from './errors';
import { geminiAdapter } from './gemini';
import { openAiChatAdapter } from './openai-chat';
import { openAiResponsesAdapter } from './openai-responses';
import type { ChatRequest, ChatResult, WireAdapter } from './types';

/** Which OpenAI API a call uses; other providers have one. */
export type OpenAiApi = 'chat' | 'responses';

export interface ModelRef {
  /** The id as given, e.g. `openai/gpt-4o-mini`. */
  id: string;
  provider: string;
  /** The name the provider's API takes. */
  apiModel: string;
  /** The catalog's entry (prices), when the catalog knows the model. */
  info?: ModelInfo;
}

/** A model ready to call. */
export interface CallableModel {
  ref: ModelRef;
  endpoint: Endpoint;
  call(request: Omit<ChatRequest, 'model'>, options?: CallOptions): Promise<ChatResult>;
}

/** A model's provider batch API. */
export interface BatchTarget {
  ref: ModelRef;
  endpoint: Endpoint;
  api: BatchApi;
}

/** What the pipeline needs from providers; benches and tests may stand in for the network here. */
export interface ModelResolver {
  parse(modelId: string): ModelRef;
  open(modelId: string, api?: OpenAiApi): Promise<CallableModel>;
}

export interface RegistryOptions {
  catalog: Catalog;
  providers: ProvidersConfig;
  keys: KeySource;
}

const SDK_TIMEOUT_MS = 24 * 3600_000;

/** Key sent to local servers, which ignore it (the OpenAI SDK refuses an empty one). */
const LOCAL_KEY = 'local-server';

export class ProviderRegistry implements ModelResolver {
  private readonly clients = new Map<string, OpenAI | Anthropic | GoogleGenAI>();

  constructor(private readonly options: RegistryOptions) {}

  /** Provider and API name of a model id; throws a ProviderError when no provider can be told. */
  parse(modelId: string): ModelRef {
    const id = modelId.trim();
    const slash = id.indexOf('/');
    const info = this.options.catalog.resolve(id);
    const prefixed = slash > 0 ? providerName(id.slice(0, slash), this.options.providers) : undefined;
    if (prefixed) return { id, provider: prefixed, apiModel: id.slice(slash + 1), info };
    if (info) return { id, provider: info.provider, apiModel: id, info };
    throw new ProviderError('no-endpoint', `Cannot tell which provider serves '${id}': write it as provider/model (openai/gpt-4o-mini), or add the provider under providers: in .promptcost.yaml.`, 'unknown');
  }

  async open(modelId: string, api: OpenAiApi = 'chat'): Promise<CallableModel> {
    const { ref, endpoint, key, keyHint } = await this.locate(modelId);
    const adapter = this.adapter(endpoint, key, api);
    return {
      ref,
      endpoint,
      call: (request, options) => callWithRetry(adapter, { ...request, model: ref.apiModel }, { endpoint, model: ref.apiModel, keyHint }, options),
    };
  }

  /** The provider's batch API for a model: OpenAI (and compatible servers that have one), Anthropic and Gemini; none for local servers. */
  async openBatch(modelId: string): Promise<BatchTarget> {
    const { ref, endpoint, key } = await this.locate(modelId);
    if (endpoint.local) {
      throw new ProviderError('bad-request', `${endpoint.label} runs on this machine and has no batch API (and costs nothing per token): run '${modelId}' with 'promptcost run' instead.`, ref.provider);
    }
    switch (endpoint.wire) {
      case 'openai':
      case 'openai-compatible':
        return { ref, endpoint, api: openAiBatchApi(this.client(endpoint, key, () => this.openAi(endpoint, key)), endpoint.wire === 'openai-compatible') };
      case 'anthropic':
        return { ref, endpoint, api: anthropicBatchApi(this.client(endpoint, key, () => this.anthropic(endpoint, key))) };
      case 'google':
        return { ref, endpoint, api: geminiBatchApi(this.client(endpoint, key, () => this.gemini(endpoint, key))) };
    }
  }

  private async locate(modelId: string): Promise<{ ref: ModelRef; endpoint: Endpoint; key: string; keyHint: string }> {
    const ref = this.parse(modelId);
    const endpoint = endpointFor(ref.provider, this.options.providers);
    if (!endpoint) {
      throw new ProviderError('no-endpoint', `No endpoint for the provider '${ref.provider}': add providers: { ${ref.provider}: { baseUrl: ... } } to .promptcost.yaml.`, ref.provider);
    }
    const keyHint = this.options.keys.describe(ref.provider);
    const key = (await this.options.keys.get(ref.provider)) ?? (endpoint.local ? LOCAL_KEY : undefined);
    if (!key) throw new ProviderError('missing-key', `No API key for ${endpoint.label}: set ${keyHint}.`, ref.provider);
    return { ref, endpoint, key, keyHint };
  }

  private adapter(endpoint: Endpoint, key: string, api: OpenAiApi): WireAdapter {
    switch (endpoint.wire) {
      case 'openai':
      case 'openai-compatible': {
        const client = this.client(endpoint, key, () => this.openAi(endpoint, key));
        return endpoint.wire === 'openai' && api === 'responses' ? openAiResponsesAdapter(client) : openAiChatAdapter(client, endpoint.wire === 'openai-compatible');
      }
      case 'anthropic':
        return anthropicAdapter(this.client(endpoint, key, () => this.anthropic(endpoint, key)));
      case 'google':
        return geminiAdapter(this.client(endpoint, key, () => this.gemini(endpoint, key)));
    }
  }

  // SDK retries are off (call.ts retries, honouring Retry-After) and the SDK's whole-request
  // timeout is left long: call.ts times out on silence instead, so long streams are not cut.
  private openAi(endpoint: Endpoint, key: string): OpenAI {
    return new OpenAI({ apiKey: key, baseURL: endpoint.baseUrl, maxRetries: 0, timeout: SDK_TIMEOUT_MS });
  }

  private anthropic(endpoint: Endpoint, key: string): Anthropic {
    return new Anthropic({ apiKey: key, baseURL: endpoint.baseUrl, maxRetries: 0, timeout: SDK_TIMEOUT_MS });
  }

  private gemini(endpoint: Endpoint, key: string): GoogleGenAI {
    return new GoogleGenAI({ apiKey: key, httpOptions: endpoint.baseUrl ? { baseUrl: endpoint.baseUrl } : undefined });
  }

  private client<T extends OpenAI | Anthropic | GoogleGenAI>(endpoint: Endpoint, key: string, make: () => T): T {
    const id = `${endpoint.provider}\u0000${endpoint.baseUrl ?? ''}\u0000${key}`;
    let client = this.clients.get(id) as T | undefined;
    if (!client) {
      client = make();
      this.clients.set(id, client);
    }
    return client;
  }
}
