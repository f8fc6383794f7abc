/** The catalog's public data shapes. Prices are US dollars per 1M tokens. */
import type { TokenizerFamily } from '../tokens/families';

/** What a model is for; only models of the same kind are compared for price (model-kind.ts). */
export type ModelKind = 'chat' | 'embedding' | 'audio' | 'image' | 'moderation' | 'ocr' | 'other';

/** A long-context tier: from `aboveInputTokens` input tokens on, the whole request is billed at `price`. */
export interface PriceTier {
  aboveInputTokens: number;
  price: number;
}

/** Tier schedules of the prices that have them (base prices stay in ModelInfo's own fields). */
export interface PriceTiers {
  input?: PriceTier[];
  output?: PriceTier[];
  cachedInput?: PriceTier[];
  cacheWrite?: PriceTier[];
}

export type ModelSource = 'genai-prices' | 'override' | 'local';

export interface ModelInfo {
  /** Canonical `provider/model`, e.g. `openai/gpt-4o`. */
  id: string;
  provider: string;
  /** Display name, e.g. `gpt 4o` or `Claude Sonnet 4.5`. */
  name: string;
  /** Other ids the catalog matches exactly to this model (dated snapshots, `-latest`). */
  aliases: string[];
  kind: ModelKind;
  input: number | null;
  output: number | null;
  /** Cache-read price for cached input tokens. */
  cachedInput: number | null;
  cacheWrite: number | null;
  /** 50% of input/output where the provider has a batch API (openai, anthropic, google); null elsewhere. */
  batchInput: number | null;
  batchOutput: number | null;
  /** Present when a price depends on prompt length; the fields above hold the base tier. */
  tiers?: PriceTiers;
  contextWindow: number | null;
  maxOutput: number | null;
  tokenizer: TokenizerFamily;
  local: boolean;
  deprecated: boolean;
  /** YYYY-MM-DD: publication day of the bundled price data. */
  catalogDate: string;
  source: ModelSource;
  note?: string;
}

/** An entry of `models:` in .promptcost.yaml: adds a model or overrides fields of a catalog model. */
export interface ModelOverride {
  name?: string;
  input?: number;
  output?: number;
  cachedInput?: number;
  cacheWrite?: number;
  batchInput?: number;
  batchOutput?: number;
  contextWindow?: number;
  maxOutput?: number;
  tokenizer?: TokenizerFamily;
  deprecated?: boolean;
}
