/** Google Gemini's generateContent and streamGenerateContent through the official `@google/genai`. */
import type { Content, GenerateContentConfig, GenerateContentResponse, GenerateContentResponseUsageMetadata, GoogleGenAI } from '@google/genai';
import { emptyUsage, systemText, type AttemptContext, type ChatMessage, type ChatRequest, type ChatResult, type FinishReason, type TokenUsage, type WireAdapter } from './types';

/** Gemini's request shape for chat messages: the system text apart, `assistant` turns as `model`. */
export function geminiRequest(messages: readonly ChatMessage[], options: { maxOutputTokens?: number; temperature?: number }): { contents: Content[]; config: GenerateContentConfig } {
  const system = systemText(messages);
  return {
    contents: messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] })),
    config: {
      ...(system !== undefined ? { systemInstruction: system } : {}),
      ...(options.maxOutputTokens !== undefined ? { maxOutputTokens: options.maxOutputTokens } : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    },
  };
}

/** A whole (not streamed) Gemini response as a chat result. */
export function geminiResult(response: GenerateContentResponse): ChatResult {
  return { text: textOf(response), usage: usageOf(response.usageMetadata), finishReason: finishOf(response) };
}

export function geminiAdapter(client: GoogleGenAI): WireAdapter {
  return {
    async attempt(request: ChatRequest, context: AttemptContext): Promise<ChatResult> {
      const { contents, config } = geminiRequest(request.messages, request);
      const params = { model: request.model, contents, config: { ...config, abortSignal: context.signal } };
      if (!context.stream) return geminiResult(await client.models.generateContent(params));
      const stream = await client.models.generateContentStream(params);
      const parts: string[] = [];
      let usage: TokenUsage = emptyUsage();
      let finish: FinishReason = 'other';
      for await (const chunk of stream) {
        context.progress();
        const text = textOf(chunk);
        if (text) {
          parts.push(text);
          context.emit(text);
        }
        if (chunk.usageMetadata) usage = usageOf(chunk.usageMetadata);
        if (chunk.candidates?.[0]?.finishReason) finish = finishOf(chunk);
      }
      return { text: parts.join(''), usage, finishReason: finish };
    },
  };
}

/** The answer's text parts, leaving out thought summaries. */
function textOf(response: GenerateContentResponse): string {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  return parts.map((p) => (p.thought ? '' : p.text ?? '')).join('');
}

/** Thinking tokens are billed as output, so they count in outputTokens too. */
function usageOf(meta: GenerateContentResponseUsageMetadata | undefined): TokenUsage {
  if (!meta) return emptyUsage();
  const thoughts = meta.thoughtsTokenCount ?? 0;
  return {
    inputTokens: meta.promptTokenCount ?? 0,
    outputTokens: (meta.candidatesTokenCount ?? 0) + thoughts,
    cachedInputTokens: meta.cachedContentTokenCount ?? 0,
    cacheWriteTokens: 0,
    reasoningTokens: thoughts,
    reported: true,
  };
}

function finishOf(response: GenerateContentResponse): FinishReason {
  const reason = response.candidates?.[0]?.finishReason;
  return reason === 'STOP' ? 'stop' : reason === 'MAX_TOKENS' ? 'length' : 'other';
}
