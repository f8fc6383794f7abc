/** Dollar figures for the pipeline, from the catalog's prices (core/catalog's costOf). */
import { costOf, type ModelInfo } from '../../core/catalog';
import type { TokenUsage } from '../providers/types';

/** What a usage costs at a model's prices; null when the model has no price. */
export function priceUsage(info: ModelInfo | undefined, usage: TokenUsage, batch = false): number | null {
  if (!info || info.input === null || info.output === null) return null;
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const written = Math.min(usage.cacheWriteTokens, usage.inputTokens - cached);
  return costOf(info, { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cachedInputTokens: cached, cacheWriteTokens: written, batch }).total;
}

/** Dollars for input tokens at the model's base input price, or its batch price (0 when unknown). */
export function inputCost(info: ModelInfo | undefined, tokens: number, batch = false): number {
  const price = batch ? info?.batchInput ?? info?.input : info?.input;
  return price ? (tokens * price) / 1_000_000 : 0;
}

/** Price per 1M tokens blended 3 input : 1 output, for ranking models by cost; local models are free. */
export function blendedPrice(info: ModelInfo | undefined): number {
  if (!info) return Infinity;
  if (info.local) return 0;
  if (info.input === null || info.output === null) return Infinity;
  return (3 * info.input + info.output) / 4;
}
