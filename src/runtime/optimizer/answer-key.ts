/** The cache key of an answer, the same for a pipeline call and a batch item with the same content. */
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
