import type { FileCosts } from '../analysis/model';

/**
 * The workspace's monthly cost at the configured volumes: every priced call, plus the prompts no
 * call in their file sends, at their input cost (a prompt module's constants are sent from elsewhere,
 * and that call cannot see them). Prompts a call sends are inside that call's cost.
 */
export function workspaceMonthlyUsd(files: ReadonlyArray<{ costs: FileCosts }>): number {
  let total = 0;
  for (const { costs } of files) {
    for (const call of costs.calls) total += call.cost?.perMonthUsd ?? 0;
    for (const prompt of costs.prompts) if (prompt.site.callIndex === null) total += prompt.cost?.perMonthUsd ?? 0;
  }
  return total;
}
