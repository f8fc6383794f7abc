import { countableText } from '../analysis/price-file';
import type { PricedPrompt } from '../analysis/model';
import { costOf, type Catalog } from '../catalog';
import type { PromptCostConfig } from '../config/model';
import { classifyPrompt, compileRoutingTable, localModelsAllowed, route, type CompiledRule } from '../route';
import { countTokens } from '../tokens/count';

/** What routing needs to know about one counted item: its prompts and what it costs now. */
export interface RoutableItem {
  prompts: readonly PricedPrompt[];
  /** Tokens of the item beyond its prompts' text (per-message overhead). */
  overheadTokens: number;
  outputTokens: number;
  modelId: string;
  monthlyCalls: number;
  path: string;
  api?: string;
}

/**
 * The routing table of the configuration (or the default one) applied to whole items, as the
 * "with routing" column needs it: unlike the `cheaper-model` rule it has no minimum saving and it
 * also routes prompts that no call in their file sends.
 */
export class ReportRouter {
  private readonly table: CompiledRule[];
  private readonly local: boolean;

  constructor(private readonly config: PromptCostConfig, private readonly catalog: Catalog) {
    this.table = compileRoutingTable(config.routing.map(({ when, model }) => ({ when, model }))).table;
    this.local = localModelsAllowed(config.providers);
  }

  /** The item's monthly cost at the model the table routes it to, or null when that is no cheaper (or no rule matches). */
  routedMonthlyUsd(item: RoutableItem, currentMonthlyUsd: number): number | null {
    const current = this.catalog.resolve(item.modelId);
    if (!current || item.prompts.length === 0) return null;
    const classification = classifyPrompt(item.prompts.map((p) => p.site.text).join('\n\n'));
    const promptTokens = item.prompts.reduce((sum, p) => sum + p.tokens.tokens, 0);
    const decision = route(classification, this.table, {
      tokens: promptTokens + item.overheadTokens,
      role: item.prompts.find((p) => p.site.role === 'system')?.site.role ?? item.prompts[0].site.role,
      path: item.path,
      api: item.api,
      provider: current.provider,
      local: this.local,
    });
    const routed = decision.model ? this.catalog.resolve(decision.model) : undefined;
    if (!routed || routed.id === current.id) return null;
    const inputTokens = item.overheadTokens + item.prompts.reduce((sum, p) => sum + countTokens(countableText(p.site), routed.tokenizer).tokens, 0);
    if (routed.contextWindow !== null && inputTokens + item.outputTokens > routed.contextWindow) return null;
    const monthly = costOf(routed, { inputTokens, outputTokens: item.outputTokens }).total * item.monthlyCalls;
    return monthly < currentMonthlyUsd ? monthly : null;
  }
}
