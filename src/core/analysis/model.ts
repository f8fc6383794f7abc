import type { CallSite, FileAnalysis, Notice, PromptRef, PromptSite, SourceLanguage, TextSpan } from '../extract/model';

/** Dollar figures for one prompt or call at the model and volume that apply to it. */
export interface CostFigures {
  inputTokens: number;
  outputTokens: number;
  inputUsd: number;
  outputUsd: number;
  perCallUsd: number;
  per1kCallsUsd: number;
  monthlyCalls: number;
  perMonthUsd: number;
}

export interface TokenFigure {
  tokens: number;
  /** True where the count is a calibrated estimate (non-OpenAI tokenizers). */
  estimate: boolean;
  /** Where the estimate's factor comes from, when estimated. */
  source: string | null;
}

export interface PricedPrompt {
  site: PromptSite;
  tokens: TokenFigure;
  /** Canonical id of the model the prompt is priced at (the call's, else the default), or null if unknown. */
  modelId: string | null;
  /** The model string as written when it is not in the catalog. */
  unknownModel: string | null;
  /** Input-side cost of this prompt's tokens alone; null when the model is unknown. */
  cost: CostFigures | null;
}

/** A prompt defined in another file that this call sends (an imported constant or builder). */
export interface LinkedPrompt {
  ref: PromptRef;
  /** Workspace-relative path of the defining file. */
  path: string;
  site: PromptSite;
  tokens: TokenFigure;
}

export interface PricedCall {
  site: CallSite;
  modelId: string | null;
  unknownModel: string | null;
  /**
   * Indexes into FileCosts.prompts of the prompts that reach this call; for a call of a wrapper
   * (`site.relayOf`), the prompts the wrapped LLM call always sends come first.
   */
  promptIndexes: number[];
  /** Calls of wrappers that send through this call; when there are any, this call has no monthly volume of its own. */
  relayedBy: number[];
  /** Prompts from other files that reach this call through imports. */
  linkedPrompts: LinkedPrompt[];
  /** Input tokens of the call: its prompts, linked prompts and per-message overhead. */
  inputTokens: TokenFigure;
  /** The call's bound, else the configured expectation. */
  outputTokens: number;
  outputFromBound: boolean;
  cost: CostFigures | null;
  contextWindow: number | null;
}

export interface FileCosts {
  /** Workspace-relative path with forward slashes. */
  path: string;
  language: SourceLanguage;
  analysis: FileAnalysis;
  prompts: PricedPrompt[];
  calls: PricedCall[];
  notices: Notice[];
}

export type { TextSpan };
