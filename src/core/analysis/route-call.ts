import type { Catalog, ModelInfo } from '../catalog';
import { costOf } from '../catalog/pricing';
import type { PromptCostConfig, RoutingRule } from '../config/model';
import { memoize } from '../lru';
import { classifyPrompt, compileRoutingTable, localModelsAllowed, route, type Classification, type CompiledRule } from '../route';
import { countTokens } from '../tokens/count';
import type { PromptSite } from '../extract/model';
import type { FileCosts, PricedCall, TokenFigure } from './model';
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

/** What routing looks at: the prompts an item sends, its tokens and its model. */
export interface RoutableItem {
  sites: ReadonlyArray<{ site: PromptSite; tokens: TokenFigure }>;
  inputTokens: number;
  outputTokens: number;
  modelId: string | null;
  path: string;
  api?: string;
}

/** A call as routing sees it: its own prompts and those it imports from other files. */
export function routableCall(file: FileCosts, call: PricedCall): RoutableItem {
  return {
    sites: [...call.promptIndexes.map((i) => file.prompts[i]), ...call.linkedPrompts],
    inputTokens: call.inputTokens.tokens,
    outputTokens: call.outputTokens,
    modelId: call.modelId,
    path: file.path,
    api: call.site.api,
  };
}

/**
 * The model the routing table names for an item, from the whole prompt it sends, or null when the
 * table keeps the item's model, names nothing the catalog knows, or names a model whose context
 * window the item would not fit.
 */
export function suggestRouteFor(item: RoutableItem, config: PromptCostConfig, catalog: Catalog): RouteSuggestion | null {
  const current = item.modelId === null ? undefined : catalog.resolve(item.modelId);
  const { sites } = item;
  if (!current || sites.length === 0) return null;
  const table = tableFor(config.routing);
  const classification = classify(sites.map((p) => p.site.text).join('\n\n'));
  const decision = route(classification, table, {
    tokens: item.inputTokens,
    role: sites.find((p) => p.site.role === 'system')?.site.role ?? sites[0].site.role,
    path: item.path,
    api: item.api,
    provider: current.provider,
    local: localModelsAllowed(config.providers),
  });
  const suggested = decision.model ? catalog.resolve(decision.model) : undefined;
  if (!suggested || suggested.id === current.id) return null;
  // Per-message overhead stays as it was; only the prompts' own tokens change with the tokenizer.
  const promptTokensBefore = sites.reduce((sum, p) => sum + p.tokens.tokens, 0);
  const promptTokensAfter = sites.reduce((sum, p) => sum + countTokens(countableText(p.site), suggested.tokenizer).tokens, 0);
  const inputTokens = item.inputTokens - promptTokensBefore + promptTokensAfter;
  if (suggested.contextWindow !== null && inputTokens + item.outputTokens > suggested.contextWindow) return null;
  return {
    current,
    suggested,
    classification,
    rule: table[decision.ruleIndex],
    ruleIndex: decision.ruleIndex,
    promptTokensBefore,
    promptTokensAfter,
    inputTokens,
    perCallUsd: costOf(suggested, { inputTokens, outputTokens: item.outputTokens }).total,
  };
}

/** The model the routing table names for a call (see suggestRouteFor). */
export function suggestRoute(file: FileCosts, call: PricedCall, config: PromptCostConfig, catalog: Catalog): RouteSuggestion | null {
  return suggestRouteFor(routableCall(file, call), config, catalog);
}
