import type { CostFigures } from '../analysis/model';
import { suggestRouteFor, type RoutableItem } from '../analysis/route-call';
import type { Catalog } from '../catalog';
import type { PromptCostConfig } from '../config/model';

/**
 * An item's monthly cost at the model the routing table (the configured one, or the default)
 * sends it to, or null when that is no cheaper or no rule applies. Unlike the `cheaper-model`
 * rule there is no minimum saving, and prompts no call sends are routed too: this is the
 * report's "with routing" column.
 */
export function routedMonthlyUsd(item: RoutableItem, cost: CostFigures, context: { config: PromptCostConfig; catalog: Catalog }): number | null {
  const suggestion = suggestRouteFor(item, context.config, context.catalog);
  if (!suggestion) return null;
  const monthly = suggestion.perCallUsd * cost.monthlyCalls;
  return monthly < cost.perMonthUsd ? monthly : null;
}
