/** Model providers through their official SDKs: one call shape, retries, timeouts, clear errors. */
export { callWithRetry, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_RETRY, type CallOptions, type RetryPolicy } from './call';
export { endpointFor, providerName, type Endpoint, type ProvidersConfig, type Wire } from './endpoints';
export { ProviderError, type ProviderErrorKind } from './errors';
export { ProviderRegistry, type BatchTarget, type CallableModel, type ModelRef, type ModelResolver, type OpenAiApi } from './registry';
export type { ChatMessage, ChatRequest, ChatResult, ChatRole, FinishReason, TokenUsage } from './types';
