import type { CallSite, FileAnalysis, Notice, PromptSite, SourceLanguage, TextSpan } from '../extract/model';

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

export interface PricedCall {
  site: CallSite;
  modelId: string | null;
  unknownModel: string | null;
  /** Indexes into FileCosts.prompts of the prompts that reach this call. */
  promptIndexes: number[];
  /** Input tokens of the call: its prompts plus per-message overhead. */
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
