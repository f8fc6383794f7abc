/** The optimizer pipeline's inputs, switches and reports. */
import type { CompressLevel } from '../../core/compress';
import type { OpenAiApi } from '../providers/registry';
import type { ChatMessage, FinishReason, TokenUsage } from '../providers/types';

export interface PipelineRequest {
  /** The model the caller asked for, as a model id (`openai/gpt-4o`). */
  model: string;
  /** System messages, then the history, ending with the user message to answer. */
  messages: ChatMessage[];
  maxOutputTokens?: number;
  temperature?: number;
  api?: OpenAiApi;
  /** The prompt's place in code, when the run was launched from it (for the ledger). */
  source?: { file: string; line?: number };
  /** `summary` for the trimming step's own call (the ledger tells them apart). */
  purpose?: 'answer' | 'summary';
}

/** Each step's switch and settings. */
export interface PipelineSettings {
  trim: {
    enabled: boolean;
    /** Exchanges (a user message and its replies) kept before the message being answered. */
    keepTurns: number;
    /** `model`: the cheapest allowed model writes the summary; `extractive`: sentences picked, no call. */
    summarizer: 'model' | 'extractive';
    /** Models the summary may use; the cheapest that can be called is chosen. */
    summaryModels: string[];
  };
  compress: { enabled: boolean; level: CompressLevel };
  route: {
    enabled: boolean;
    /** Local models may be routed to (a local provider is configured, or the user said so). */
    allowLocal: boolean;
    /** The local model that answers when the routed provider fails; else the table's first local model. */
    localModel?: string;
  };
  length: {
    enabled: boolean;
    /** The bound set on calls that have none. */
    maxOutputTokens: number;
    /** Also tell the model, in the system prompt, how long to answer. */
    instruction: boolean;
  };
  cache: { enabled: boolean };
}

export type StepName = 'trim' | 'compress' | 'route' | 'length' | 'cache' | 'call';

export interface StepReport {
  step: StepName;
  applied: boolean;
  /** What the step did, in words. */
  detail: string;
  tokensBefore?: number;
  tokensAfter?: number;
  /** Dollars the step saved on this call, at the answering model's prices. */
  savedUsd: number;
}

/** Steps 1 to 4 applied: what would be sent, to whom, and why. */
export interface PreparedCall {
  messages: ChatMessage[];
  /** Models to try in order: the routed model, then fallbacks. */
  chain: string[];
  maxOutputTokens?: number;
  steps: StepReport[];
  /** Input tokens removed by trimming and by compression, for pricing at the model that answers. */
  trimmedTokens: number;
  compressedTokens: number;
  /** Input tokens the length instruction added (negative saving). */
  instructionTokens: number;
}

export interface RunResult {
  text: string;
  /** The model that answered. */
  model: string;
  provider: string;
  requestedModel: string;
  usage: TokenUsage;
  /** Dollars this call cost (zero for a cache hit); null when the model has no price. */
  costUsd: number | null;
  cached: boolean;
  finishReason: FinishReason;
  latencyMs: number;
  /** Set when a fallback answered: the model that failed and why. */
  fallback?: { from: string; reason: string };
  /** Why the routed model was chosen. */
  routeWhy: string[];
  steps: StepReport[];
  /** What was sent. */
  messages: ChatMessage[];
  maxOutputTokens?: number;
}
