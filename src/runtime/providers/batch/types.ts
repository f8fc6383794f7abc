/** The providers' batch APIs behind one shape: submit, poll, then stream the results back. */
import type { ChatMessage, ChatResult } from '../types';

export interface BatchRequest {
  /** Unique within the batch; letters, digits, `_` and `-` (Anthropic's rule, which OpenAI accepts). */
  customId: string;
  /** The provider's API name of the model. */
  model: string;
  messages: ChatMessage[];
  maxOutputTokens?: number;
  temperature?: number;
}

export type BatchStatus = { state: 'running'; detail: string } | { state: 'ended' } | { state: 'failed'; detail: string };

export type BatchItemOutcome = { customId: string; result: ChatResult; error?: undefined } | { customId: string; result?: undefined; error: string };

export interface BatchApi {
  submit(requests: readonly BatchRequest[], signal?: AbortSignal): Promise<string>;
  status(batchId: string, signal?: AbortSignal): Promise<BatchStatus>;
  /** Results as they are read from the provider, one per request, in the provider's order. */
  results(batchId: string, signal?: AbortSignal): AsyncIterable<BatchItemOutcome>;
  /** Asks the provider to stop the batch; requests it finished before are still billed. */
  cancel(batchId: string, signal?: AbortSignal): Promise<void>;
}
