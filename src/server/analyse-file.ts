import { priceFile, type PricingContext } from '../core/analysis/price-file';
import type { FileCosts } from '../core/analysis/model';
import type { Catalog } from '../core/catalog';
import type { PromptCostConfig } from '../core/config';
import type { FileAnalysis } from '../core/extract';
import { lintFile, RULES, type Finding, type SeverityOverrides } from '../core/rules';
import type { ServerSettings } from './settings';

/** Everything the server knows about one analysed text. */
export interface FileResult {
  costs: FileCosts;
  findings: Finding[];
  config: PromptCostConfig;
  catalog: Catalog;
}

/** Editor settings as rule severities: rules left out of `enabledRules` are off, then explicit overrides. */
export function severityOverrides(settings: ServerSettings): SeverityOverrides {
  const overrides: Record<string, SeverityOverrides[string]> = {};
  if (settings.enabledRules.length > 0) {
    for (const id of RULES.keys()) if (!settings.enabledRules.includes(id)) overrides[id] = 'off';
  }
  return { ...overrides, ...settings.rules };
}

/** Prices what the extractor found and runs the rules over it. */
export function priceAndLint(
  analysis: FileAnalysis,
  text: string,
  relativePath: string,
  config: PromptCostConfig,
  catalog: Catalog,
  settings: ServerSettings,
  linkPrompt?: PricingContext['linkPrompt'],
): FileResult {
  const costs = priceFile(analysis, { relativePath, config, catalog, linkPrompt });
  const findings = lintFile({ file: costs, text, config, catalog }, severityOverrides(settings));
  return { costs, findings, config, catalog };
}
