/** What every provider adapter takes and gives back, whatever its wire format. */

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** One model call, with the model as the provider's API names it (`gpt-4o-mini`, not `openai/gpt-4o-mini`). */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  maxOutputTokens?: number;
  temperature?: number;
}

/**
 * Token counts as the provider reported them. `inputTokens` is the whole prompt (cached and
 * cache-write tokens are parts of it); `outputTokens` includes reasoning tokens, which are billed
 * as output. `reported` is false only when the provider sent no usage and the numbers are counted.
 */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  reported: boolean;
}

export type FinishReason = 'stop' | 'length' | 'other';

export interface ChatResult {
  text: string;
  usage: TokenUsage;
  finishReason: FinishReason;
}

/** What an adapter's single attempt may use: the attempt's signal, progress for the idle timer, streamed text out. */
export interface AttemptContext {
  signal: AbortSignal;
  stream: boolean;
  /** Called on every chunk received: keeps the idle timeout from firing while data flows. */
  progress(): void;
  /** Streamed text, in order. */
  emit(text: string): void;
}

/** One wire format over one official SDK client: a single attempt, no retries (call.ts retries). */
export interface WireAdapter {
  attempt(request: ChatRequest, context: AttemptContext): Promise<ChatResult>;
}

export function emptyUsage(): TokenUsage {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reported: false };
}

/** The system messages joined, for APIs that take the system prompt apart from the turns. */
export function systemText(messages: readonly ChatMessage[]): string | undefined {
  const parts = messages.filter((m) => m.role === 'system').map((m) => m.content);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}
