/** Anthropic's Messages API through the official `@anthropic-ai/sdk`. */
import type Anthropic from '@anthropic-ai/sdk';
import { emptyUsage, systemText, type AttemptContext, type ChatRequest, type ChatResult, type FinishReason, type TokenUsage, type WireAdapter } from './types';

/** Messages needs a bound; this one applies when neither the call nor the length step sets one. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

export function anthropicAdapter(client: Anthropic): WireAdapter {
  return {
    async attempt(request: ChatRequest, context: AttemptContext): Promise<ChatResult> {
      const system = systemText(request.messages);
      const params = {
        model: request.model,
        max_tokens: request.maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
        messages: request.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content })),
        ...(system !== undefined ? { system } : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      };
      if (!context.stream) {
        const message = await client.messages.create({ ...params, stream: false }, { signal: context.signal });
        const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
        return { text, usage: usageOf(message.usage), finishReason: finishOf(message.stop_reason) };
      }
      const stream = await client.messages.create({ ...params, stream: true }, { signal: context.signal });
      const parts: string[] = [];
      let reported: AnthropicUsage | undefined;
      let finish: FinishReason = 'other';
      for await (const event of stream) {
        context.progress();
        if (event.type === 'message_start') {
          reported = { ...event.message.usage };
        } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
          parts.push(event.delta.text);
          context.emit(event.delta.text);
        } else if (event.type === 'message_delta') {
          // message_delta carries cumulative counts; fields it leaves out keep message_start's.
          reported = { ...reported, ...definedOnly(event.usage as AnthropicUsage) };
          finish = finishOf(event.delta.stop_reason);
        }
      }
      return { text: parts.join(''), usage: usageOf(reported), finishReason: finish };
    },
  };
}

/** Anthropic's `input_tokens` excludes cache reads and writes; ours is the whole prompt. */
export function usageOf(usage: AnthropicUsage | undefined): TokenUsage {
  if (!usage) return emptyUsage();
  const cached = usage.cache_read_input_tokens ?? 0;
  const written = usage.cache_creation_input_tokens ?? 0;
  return {
    inputTokens: (usage.input_tokens ?? 0) + cached + written,
    outputTokens: usage.output_tokens ?? 0,
    cachedInputTokens: cached,
    cacheWriteTokens: written,
    reasoningTokens: 0,
    reported: true,
  };
}

function definedOnly(usage: AnthropicUsage): AnthropicUsage {
  return Object.fromEntries(Object.entries(usage ?? {}).filter(([, v]) => v !== null && v !== undefined));
}

export function finishOf(reason: string | null | undefined): FinishReason {
  return reason === 'end_turn' || reason === 'stop_sequence' ? 'stop' : reason === 'max_tokens' ? 'length' : 'other';
}
