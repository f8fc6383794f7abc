/**
 * Dollars for a usage at a model's per-million-token prices. Follows genai-prices' conventions so
 * the two agree to the last bit that floating point allows: `inputTokens` is the whole prompt,
 * cached and cache-write tokens are parts of it, and a long-context tier applies to the whole
 * request once the prompt's input tokens exceed the tier's start, and cache tokens of a model without
 * cache prices cost the input price. Nothing is rounded here.
 */
import type { ModelInfo, PriceTier, PriceTiers } from './types';

export interface Usage {
  /** All input tokens, including cached and cache-write tokens. */
  inputTokens: number;
  outputTokens: number;
  /** Input tokens read from the provider's prompt cache. */
  cachedInputTokens?: number;
  /** Input tokens written to the provider's prompt cache. */
  cacheWriteTokens?: number;
  /** Price through the provider's batch API where it has one. */
  batch?: boolean;
}

export interface Cost {
  /** Dollars for all input tokens (uncached, cache reads and cache writes). */
  input: number;
  output: number;
  total: number;
  /** Whether batch prices were used (false when asked for but the model has none). */
  batch: boolean;
}

const PER = 1_000_000;

export function costOf(model: ModelInfo, usage: Usage): Cost {
  const cached = usage.cachedInputTokens ?? 0;
  const written = usage.cacheWriteTokens ?? 0;
  const uncached = usage.inputTokens - cached - written;
  if (uncached < 0) throw new RangeError(`cached (${cached}) and cache-write (${written}) tokens exceed input tokens (${usage.inputTokens})`);
  const batch = usage.batch === true && model.batchInput !== null && model.batchOutput !== null;
  const inputScale = batch ? ratio(model.batchInput, model.input) : 1;
  const outputScale = batch ? ratio(model.batchOutput, model.output) : 1;
  const at = (field: keyof PriceTiers, base: number | null): number => priceAt(base, model.tiers?.[field], usage.inputTokens);
  const inputPrice = at('input', model.input);
  const input =
    ((uncached * inputPrice) / PER +
      (cached * (model.cachedInput === null ? inputPrice : at('cachedInput', model.cachedInput))) / PER +
      (written * (model.cacheWrite === null ? inputPrice : at('cacheWrite', model.cacheWrite))) / PER) *
    inputScale;
  const output = ((usage.outputTokens * at('output', model.output)) / PER) * outputScale;
  return { input, output, total: input + output, batch };
}

/** The price in force for a prompt of `inputTokens`: the last tier it exceeds, else the base. */
function priceAt(base: number | null, tiers: PriceTier[] | undefined, inputTokens: number): number {
  let price = base ?? 0;
  for (const tier of tiers ?? []) if (inputTokens > tier.aboveInputTokens) price = tier.price;
  return price;
}

/** Batch price as a share of the list price (0.5 in the catalog; whatever an override sets). */
function ratio(batchPrice: number | null, listPrice: number | null): number {
  if (batchPrice === null || listPrice === null || listPrice === 0) return 1;
  return batchPrice / listPrice;
}
