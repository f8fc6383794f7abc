import type { FileCosts } from '../analysis/model';
import { SentElsewhere } from '../analysis/sent-elsewhere';

/**
 * The workspace's monthly cost at the configured volumes: every priced call, plus the prompts no
 * call sends (neither in their file nor through an import), at their input cost. Prompts a call
 * sends are inside that call's cost.
 */
export function workspaceMonthlyUsd(files: ReadonlyArray<{ costs: FileCosts }>): number {
  const sentElsewhere = new SentElsewhere(files.map((f) => f.costs));
  let total = 0;
  for (const { costs } of files) {
    for (const call of costs.calls) total += call.cost?.perMonthUsd ?? 0;
    for (const prompt of costs.prompts) {
      if (prompt.site.callIndex === null && !sentElsewhere.has(costs, prompt)) total += prompt.cost?.perMonthUsd ?? 0;
    }
  }
  return total;
}
