/**
 * Cache keys. The answer key covers what is sent (provider, model, messages, parameters), the same
 * for a pipeline call and a batch item. The request key covers what was asked, under the settings
 * and routing table in force, so a repeated request is answered before steps 1 to 4 run.
 */
import { cacheKey } from '../cache/cache-key';
import type { ModelRef, OpenAiApi } from '../providers/registry';
import type { ChatMessage } from '../providers/types';

export function answerKey(ref: Pick<ModelRef, 'provider' | 'apiModel'>, messages: readonly ChatMessage[], params: { maxOutputTokens?: number; temperature?: number; api?: OpenAiApi }): string {
  return cacheKey({
    provider: ref.provider,
    model: ref.apiModel,
    messages,
    // Only OpenAI has two APIs whose answers may differ; elsewhere the field stays out of the key.
    params: { maxOutputTokens: params.maxOutputTokens, temperature: params.temperature, api: ref.provider === 'openai' ? params.api ?? 'chat' : undefined },
  });
}

export function requestKey(request: { model: string; messages: readonly ChatMessage[]; maxOutputTokens?: number; temperature?: number; api?: OpenAiApi }, fingerprint: string): string {
  return cacheKey({
    provider: 'request',
    model: request.model,
    messages: request.messages,
    params: { maxOutputTokens: request.maxOutputTokens, temperature: request.temperature, api: request.api, optimizer: fingerprint },
  });
}
