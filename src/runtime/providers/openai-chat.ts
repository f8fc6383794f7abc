/** OpenAI chat completions, and every OpenAI-compatible server, through the official `openai` SDK. */
import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions/completions';
import { emptyUsage, type AttemptContext, type ChatRequest, type ChatResult, type FinishReason, type TokenUsage, type WireAdapter } from './types';

interface OpenAiChatUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
}

/**
 * `compatible` servers (Ollama, vLLM, LM Studio, ...) get `max_tokens`, which they all know;
 * OpenAI gets `max_completion_tokens`, which its reasoning models require.
 */
export function openAiChatAdapter(client: OpenAI, compatible: boolean): WireAdapter {
  return {
    async attempt(request: ChatRequest, context: AttemptContext): Promise<ChatResult> {
      const params: ChatCompletionCreateParamsBase = {
        model: request.model,
        messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(request.maxOutputTokens !== undefined ? (compatible ? { max_tokens: request.maxOutputTokens } : { max_completion_tokens: request.maxOutputTokens }) : {}),
      };
      if (!context.stream) {
        const response = await client.chat.completions.create({ ...params, stream: false }, { signal: context.signal });
        const choice = response.choices[0];
        return { text: choice?.message?.content ?? '', usage: usageOf(response.usage), finishReason: finishOf(choice?.finish_reason) };
      }
      const stream = await client.chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } }, { signal: context.signal });
      const parts: string[] = [];
      let usage: TokenUsage = emptyUsage();
      let finish: FinishReason = 'other';
      for await (const chunk of stream) {
        context.progress();
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          parts.push(delta);
          context.emit(delta);
        }
        if (choice?.finish_reason) finish = finishOf(choice.finish_reason);
        if (chunk.usage) usage = usageOf(chunk.usage);
      }
      return { text: parts.join(''), usage, finishReason: finish };
    },
  };
}

export function usageOf(usage: OpenAiChatUsage | null | undefined): TokenUsage {
  if (!usage) return emptyUsage();
  return {
    inputTokens: usage.prompt_tokens ?? 0,
    outputTokens: usage.completion_tokens ?? 0,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
    reported: true,
  };
}

export function finishOf(reason: string | null | undefined): FinishReason {
  return reason === 'stop' ? 'stop' : reason === 'length' ? 'length' : 'other';
}
