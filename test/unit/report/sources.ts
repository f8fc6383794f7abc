import { LineIndex } from '../../../src/core/analysis/line-index';
import { priceFile } from '../../../src/core/analysis/price-file';
import { PromptIndex } from '../../../src/core/analysis/prompt-index';
import { Catalog } from '../../../src/core/catalog';
import { DEFAULT_CONFIG, parseConfig, type PromptCostConfig } from '../../../src/core/config';
import { analyzeSource, languageOfPath } from '../../../src/core/extract';
import { lintFile } from '../../../src/core/rules';
import type { ReportSource } from '../../../src/core/report';
import { defaultGrammars } from '../../../src/runtime/scan';

export const catalog = new Catalog({ at: new Date('2026-01-01T00:00:00Z') });

export function configOf(yaml: string): PromptCostConfig {
  const parsed = parseConfig(yaml);
  if (!parsed.config) throw new Error(`bad test config: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.config;
}

/**
 * Files through the real pipeline (extract, then price with imported prompts linked, lint), as the
 * CLI hands them to the report.
 */
export async function sourcesOf(files: Record<string, string>, config: PromptCostConfig = DEFAULT_CONFIG): Promise<ReportSource[]> {
  const index = new PromptIndex();
  const analysed = [];
  for (const [path, text] of Object.entries(files)) {
    const analysis = await analyzeSource(defaultGrammars(), text, languageOfPath(path)!);
    index.set(path, analysis);
    analysed.push({ path, text, analysis });
  }
  return analysed.map(({ path, text, analysis }) => {
    const costs = priceFile(analysis, { relativePath: path, config, catalog, linkPrompt: (ref) => index.resolve(path, analysis.language, ref) });
    return { path, costs, lines: new LineIndex(text), findings: lintFile({ file: costs, text, config, catalog }) };
  });
}
