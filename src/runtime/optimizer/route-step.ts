/**
 * Step 3 through the core router: the routed model, and the models that take over when its
 * provider fails: the next rule that matches, then the local model.
 */
import { classifyPrompt, isLocalModel, route, type CompiledRule } from '../../core/route';

export interface RouteInput {
  /** The text the classifier reads: system and user text together. */
  text: string;
  tokens: number;
  requestedModel: string;
  provider: string;
  allowLocal: boolean;
  localModel?: string;
  path?: string;
}

export interface RoutePlan {
  /** Routed model first, then fallbacks; no duplicates. */
  chain: string[];
  /** Index of the matching rule, or -1 when none matched and the requested model stays. */
  ruleIndex: number;
  why: string[];
}

export function planRoute(table: readonly CompiledRule[], input: RouteInput): RoutePlan {
  const classification = classifyPrompt(input.text);
  const context = { tokens: input.tokens, provider: input.provider, local: input.allowLocal, path: input.path };
  const decision = route(classification, table, context);
  const why = [`task ${classification.task}, complexity ${classification.complexity}`, ...decision.why];
  const chain = [decision.model ?? input.requestedModel];
  if (decision.ruleIndex >= 0) {
    const next = route(classification, table.slice(decision.ruleIndex + 1), context);
    if (next.model) chain.push(next.model);
  }
  const local = input.localModel ?? (input.allowLocal ? table.find((rule) => isLocalModel(rule.model))?.model : undefined);
  if (local && input.allowLocal) chain.push(local);
  return { chain: [...new Set(chain)], ruleIndex: decision.ruleIndex, why };
}
