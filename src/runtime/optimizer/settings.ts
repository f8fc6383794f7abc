/** Pipeline settings from .promptcost.yaml and the defaults. */
import type { PromptCostConfig } from '../../core/config';
import { localModelsAllowed } from '../../core/route';
import type { PipelineSettings } from './types';

export const DEFAULT_KEEP_TURNS = 6;

export function defaultSettings(config: PromptCostConfig): PipelineSettings {
  return {
    trim: { enabled: true, keepTurns: DEFAULT_KEEP_TURNS, summarizer: 'model', summaryModels: [config.defaultModel, ...config.routing.map((r) => r.model)] },
    compress: { enabled: true, level: 'safe' },
    route: { enabled: true, allowLocal: localModelsAllowed(config.providers) },
    length: { enabled: true, maxOutputTokens: config.expectedOutputTokens, instruction: false },
    cache: { enabled: true },
  };
}
