import { parseLocal } from '../catalog/model-string';
import { compileCondition, evaluateCondition, type Condition } from './condition';
import { ConditionError } from './condition-syntax';
import { DEFAULT_ROUTING_TABLE } from './default-table';
import type { Classification, RouteContext, RouteDecision, RouteRule, RoutingProblem } from './model';

export interface CompiledRule extends RouteRule {
  condition: Condition;
}

/** True when the model id names a model on a local server (`ollama/qwen2.5:7b`), as the catalog reads it. */
export function isLocalModel(model: string): boolean {
  return parseLocal(model) !== undefined;
}

/** True when the configuration sets up a local server under `providers:`, so local models may be suggested. */
export function localModelsAllowed(providers: Record<string, unknown>): boolean {
  return Object.keys(providers).some((name) => parseLocal(`${name}/model`) !== undefined);
}

function problemOf(ruleIndex: number, error: unknown): RoutingProblem {
  if (error instanceof ConditionError) return { ruleIndex, message: error.message, start: error.start, end: error.end };
  throw error;
}

/** Checks every rule's condition; problems carry offsets within that rule's `when` string. */
export function validateRouting(rules: readonly Pick<RouteRule, 'when'>[]): RoutingProblem[] {
  const problems: RoutingProblem[] = [];
  rules.forEach((rule, ruleIndex) => {
    try {
      compileCondition(rule.when);
    } catch (error) {
      problems.push(problemOf(ruleIndex, error));
    }
  });
  return problems;
}

/**
 * Compiles a routing table; rules with a bad condition are left out and reported. An empty
 * table means the default one.
 */
export function compileRoutingTable(rules: readonly RouteRule[]): { table: CompiledRule[]; problems: RoutingProblem[] } {
  const source = rules.length > 0 ? rules : DEFAULT_ROUTING_TABLE;
  const table: CompiledRule[] = [];
  const problems: RoutingProblem[] = [];
  source.forEach((rule, ruleIndex) => {
    try {
      table.push({ when: rule.when, model: rule.model, condition: compileCondition(rule.when) });
    } catch (error) {
      problems.push(problemOf(ruleIndex, error));
    }
  });
  return { table, problems };
}

/**
 * The model for a prompt: the first rule whose condition holds wins. A rule naming a local model
 * is passed over while local models are not allowed, whatever its condition says.
 */
export function route(classification: Classification, table: readonly CompiledRule[], context: RouteContext): RouteDecision {
  const values = {
    task: classification.task,
    complexity: classification.complexity,
    tokens: context.tokens,
    role: context.role,
    path: context.path,
    api: context.api,
    provider: context.provider,
    local: context.local,
  };
  const why: string[] = [];
  for (let ruleIndex = 0; ruleIndex < table.length; ruleIndex++) {
    const rule = table[ruleIndex];
    if (!evaluateCondition(rule.condition, values)) continue;
    if (isLocalModel(rule.model) && !context.local) {
      why.push(`rule ${ruleIndex + 1} (${rule.when}) names the local model ${rule.model}, but local models are not enabled`);
      continue;
    }
    why.push(`rule ${ruleIndex + 1} matched: ${rule.when}`);
    return { model: rule.model, ruleIndex, why };
  }
  why.push('no routing rule matched');
  return { model: null, ruleIndex: -1, why };
}
