import type { Strategy } from './model';

/** The cost strategy each saving rule stands for (DESIGN.md, "The seven cost strategies"). */
const STRATEGY_OF_RULE: Readonly<Record<string, Strategy>> = {
  'cheaper-model': 'routing',
  'verbose-prompt': 'compression',
  'cache-prefix': 'caching',
  'call-in-loop': 'batch',
  'unbounded-output': 'output-length',
  'full-history': 'context',
};

export const STRATEGY_LABELS: Readonly<Record<Strategy, string>> = {
  routing: 'Model selection (routing)',
  compression: 'Prompt compression',
  caching: 'Prompt caching',
  batch: 'Batch processing',
  'output-length': 'Output length control',
  context: 'Context management',
};

export function strategyOfRule(ruleId: string): Strategy | null {
  return STRATEGY_OF_RULE[ruleId] ?? null;
}
