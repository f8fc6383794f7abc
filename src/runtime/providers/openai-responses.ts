/** OpenAI's Responses API through the official `openai` SDK. */
import type OpenAI from 'openai';
import type { ResponseCreateParamsBase, ResponseUsage } from 'openai/resources/responses/responses';
import { emptyUsage, systemText, type AttemptContext, type ChatRequest, type ChatResult, type FinishReason, type TokenUsage, type WireAdapter } from './types';

interface FinalResponse {
  usage?: ResponseUsage | null;
  status?: string | null;
  incomplete_details?: { reason?: string | null } | null;
}

export function openAiResponsesAdapter(client: OpenAI): WireAdapter {
  return {
    async attempt(request: ChatRequest, context: AttemptContext): Promise<ChatResult> {
      const instructions = systemText(request.messages);
      const params: ResponseCreateParamsBase = {
        model: request.model,
        input: request.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content })),
        ...(instructions !== undefined ? { instructions } : {}),
        ...(request.maxOutputTokens !== undefined ? { max_output_tokens: request.maxOutputTokens } : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        store: false,
      };
      if (!context.stream) {
        const response = await client.responses.create({ ...params, stream: false }, { signal: context.signal });
        return { text: response.output_text ?? '', usage: usageOf(response.usage), finishReason: finishOf(response) };
      }
      const stream = await client.responses.create({ ...params, stream: true }, { signal: context.signal });
      const parts: string[] = [];
      let final: FinalResponse | undefined;
      for await (const event of stream) {
        context.progress();
        if (event.type === 'response.output_text.delta') {
          parts.push(event.delta);
          context.emit(event.delta);
        } else if (event.type === 'response.completed' || event.type === 'response.incomplete') {
          final = event.response;
        } else if (event.type === 'response.failed') {
          throw Object.assign(new Error(event.response.error?.message ?? 'the response failed'), { status: 500 });
        }
      }
      return { text: parts.join(''), usage: usageOf(final?.usage), finishReason: final ? finishOf(final) : 'other' };
    },
  };
}

function usageOf(usage: ResponseUsage | null | undefined): TokenUsage {
  if (!usage) return emptyUsage();
  return {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cachedInputTokens: usage.input_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: usage.input_tokens_details?.cache_write_tokens ?? 0,
    reasoningTokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
    reported: true,
  };
}

function finishOf(response: FinalResponse): FinishReason {
  if (response.status === 'completed') return 'stop';
  return response.incomplete_details?.reason === 'max_output_tokens' ? 'length' : 'other';
}
