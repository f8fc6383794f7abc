import type { ModelOverride } from '../catalog/types';

export type { ModelOverride };

/** The configuration every layer reads, after defaults are applied (.promptcost.yaml, DESIGN.md). */

export type SeveritySetting = 'off' | 'info' | 'warning' | 'error';

export interface RoutingRule {
  when: string;
  model: string;
  /** Offset span of the `when` value in the YAML text, for errors found later (bad condition). */
  whenSpan: { start: number; end: number } | null;
}


export interface PromptCostConfig {
  defaultModel: string;
  expectedOutputTokens: number;
  /** Calls per month: the default, and globs of workspace-relative paths checked in order. */
  volume: { default: number; byPath: Array<{ glob: string; calls: number }> };
  compareModels: string[];
  routing: RoutingRule[];
  rules: Record<string, { severity?: SeveritySetting; options: Record<string, unknown> }>;
  budgets: { perCallUsd?: number; monthlyUsd?: number };
  providers: Record<string, { baseUrl?: string; apiKeyEnv?: string }>;
  models: Record<string, ModelOverride>;
  ignore: string[];
  cache: { redis?: string; ttlDays?: number; maxEntries?: number; maxMB?: number };
  optimizer: {
    keepTurns?: number;
    summarizer?: 'model' | 'extractive';
    compressLevel?: 'safe' | 'aggressive';
    lengthInstruction?: boolean;
    localModel?: string;
  };
}

export const DEFAULT_CONFIG: PromptCostConfig = Object.freeze({
  defaultModel: 'openai/gpt-4o',
  expectedOutputTokens: 400,
  volume: { default: 1000, byPath: [] },
  compareModels: [],
  routing: [],
  rules: {},
  budgets: {},
  providers: {},
  models: {},
  ignore: [],
  cache: {},
  optimizer: {},
}) as PromptCostConfig;

/** A problem in the configuration file, located in it. Lines and columns are 1-based. */
export interface ConfigProblem {
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
}
