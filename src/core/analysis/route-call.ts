import type { Catalog, ModelInfo } from '../catalog';
import { costOf } from '../catalog/pricing';
import type { PromptCostConfig, RoutingRule } from '../config/model';
import { memoize } from '../lru';
import { classifyPrompt, compileRoutingTable, localModelsAllowed, route, type Classification, type CompiledRule } from '../route';
import { countTokens } from '../tokens/count';
import type { FileCosts, PricedCall } from './model';
import { countableText } from './price-file';

/** What the routing table would send a call to, priced the way the call is priced now. */
export interface RouteSuggestion {
  current: ModelInfo;
  suggested: ModelInfo;
  classification: Classification;
  rule: CompiledRule;
  ruleIndex: number;
  /** The call's prompts counted again with the suggested model's tokenizer. */
  promptTokensBefore: number;
  promptTokensAfter: number;
  inputTokens: number;
  perCallUsd: number;
}

// Both outlive a keystroke: classification depends on the text only, the table on the config only.
const classify = memoize(classifyPrompt, (text) => text);
const tables = new WeakMap<readonly RoutingRule[], CompiledRule[]>();

function tableFor(routing: readonly RoutingRule[]): CompiledRule[] {
  let table = tables.get(routing);
  if (!table) {
    table = compileRoutingTable(routing.map(({ when, model }) => ({ when, model }))).table;
    tables.set(routing, table);
  }
  return table;
}

/**
 * The model the routing table names for a call, from the whole prompt it sends (its own prompts
 * and those it imports), or null when the table keeps the call's model, names nothing the catalog
 * knows, or names a model whose context window the call would not fit.
 */
export function suggestRoute(file: FileCosts, call: PricedCall, config: PromptCostConfig, catalog: Catalog): RouteSuggestion | null {
  const current = call.modelId === null ? undefined : catalog.resolve(call.modelId);
  const sites = [...call.promptIndexes.map((i) => file.prompts[i]), ...call.linkedPrompts];
  if (!current || sites.length === 0) return null;
  const table = tableFor(config.routing);
  const classification = classify(sites.map((p) => p.site.text).join('\n\n'));
  const decision = route(classification, table, {
    tokens: call.inputTokens.tokens,
    role: sites.find((p) => p.site.role === 'system')?.site.role ?? sites[0].site.role,
    path: file.path,
    api: call.site.api,
    provider: current.provider,
    local: localModelsAllowed(config.providers),
  });
  const suggested = decision.model ? catalog.resolve(decision.model) : undefined;
  if (!suggested || suggested.id === current.id) return null;
  // Per-message overhead stays as it was; only the prompts' own tokens change with the tokenizer.
  const promptTokensBefore = sites.reduce((sum, p) => sum + p.tokens.tokens, 0);
  const promptTokensAfter = sites.reduce((sum, p) => sum + countTokens(countableText(p.site), suggested.tokenizer).tokens, 0);
  const inputTokens = call.inputTokens.tokens - promptTokensBefore + promptTokensAfter;
  if (suggested.contextWindow !== null && inputTokens + call.outputTokens > suggested.contextWindow) return null;
  return {
    current,
    suggested,
    classification,
    rule: table[decision.ruleIndex],
    ruleIndex: decision.ruleIndex,
    promptTokensBefore,
    promptTokensAfter,
    inputTokens,
    perCallUsd: costOf(suggested, { inputTokens, outputTokens: call.outputTokens }).total,
  };
}
