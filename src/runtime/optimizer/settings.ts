/** Pipeline settings from .promptcost.yaml and the defaults. */
import type { PromptCostConfig } from '../../core/config';
import { localModelsAllowed } from '../../core/route';
import { DEFAULT_CACHE_LIMITS, type CacheLimits } from '../cache/types';
import type { PipelineSettings } from './types';

export const DEFAULT_KEEP_TURNS = 6;

export function defaultSettings(config: PromptCostConfig): PipelineSettings {
  const { keepTurns, summarizer, compressLevel, lengthInstruction, localModel } = config.optimizer;
  return {
    trim: {
      enabled: true,
      keepTurns: keepTurns ?? DEFAULT_KEEP_TURNS,
      summarizer: summarizer ?? 'model',
      summaryModels: [config.defaultModel, ...config.routing.map((r) => r.model)],
    },
    compress: { enabled: true, level: compressLevel ?? 'safe' },
    route: { enabled: true, allowLocal: localModelsAllowed(config.providers) || localModel !== undefined, localModel },
    length: { enabled: true, maxOutputTokens: config.expectedOutputTokens, instruction: lengthInstruction ?? false },
    cache: { enabled: true },
  };
}

/** Cache limits from `cache:` in .promptcost.yaml, the defaults elsewhere. */
export function cacheLimits(config: PromptCostConfig): CacheLimits {
  const { ttlDays, maxEntries, maxMB } = config.cache;
  return {
    ttlMs: ttlDays !== undefined ? ttlDays * 24 * 3600_000 : DEFAULT_CACHE_LIMITS.ttlMs,
    maxEntries: maxEntries ?? DEFAULT_CACHE_LIMITS.maxEntries,
    maxBytes: maxMB !== undefined ? Math.round(maxMB * 1024 * 1024) : DEFAULT_CACHE_LIMITS.maxBytes,
  };
}
