/** Anthropic's Message Batches API through the official SDK: create, retrieve, then stream the results. */
import type Anthropic from '@anthropic-ai/sdk';
import { ANTHROPIC_DEFAULT_MAX_TOKENS, finishOf, usageOf } from '../anthropic-messages';
import { systemText } from '../types';
import type { BatchApi, BatchItemOutcome, BatchRequest, BatchStatus } from './types';

export function anthropicBatchApi(client: Anthropic): BatchApi {
  return {
    async submit(requests: readonly BatchRequest[], signal?: AbortSignal): Promise<string> {
      const batch = await client.messages.batches.create(
        {
          requests: requests.map((r) => {
            const system = systemText(r.messages);
            return {
              custom_id: r.customId,
              params: {
                model: r.model,
                max_tokens: r.maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
                messages: r.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content })),
                ...(system !== undefined ? { system } : {}),
                ...(r.temperature !== undefined ? { temperature: r.temperature } : {}),
              },
            };
          }),
        },
        { signal },
      );
      return batch.id;
    },

    async status(batchId: string, signal?: AbortSignal): Promise<BatchStatus> {
      const batch = await client.messages.batches.retrieve(batchId, {}, { signal });
      if (batch.processing_status === 'ended') return { state: 'ended' };
      const c = batch.request_counts;
      return { state: 'running', detail: `${batch.processing_status} (${c.succeeded + c.errored + c.canceled + c.expired}/${c.processing + c.succeeded + c.errored + c.canceled + c.expired} done)` };
    },

    async *results(batchId: string, signal?: AbortSignal): AsyncIterable<BatchItemOutcome> {
      const stream = await client.messages.batches.results(batchId, {}, { signal });
      for await (const item of stream) {
        const result = item.result;
        if (result.type === 'succeeded') {
          const text = result.message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
          yield { customId: item.custom_id, result: { text, usage: usageOf(result.message.usage), finishReason: finishOf(result.message.stop_reason) } };
        } else {
          yield { customId: item.custom_id, error: result.type === 'errored' ? `errored: ${result.error.error.message}` : result.type };
        }
      }
    },

    async cancel(batchId: string, signal?: AbortSignal): Promise<void> {
      await client.messages.batches.cancel(batchId, {}, { signal });
    },
  };
}
