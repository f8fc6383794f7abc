import type { FileCosts } from '../core/analysis/model';
import type { PositionAt } from './diagnostics';
import { rangeOf } from './diagnostics';
import type { FileSummary, PromptSummary } from './protocol';

/**
 * Monthly cost of a file: each call in full (its prompts, overhead and expected output), plus the
 * input cost of prompts that reach no call in the file.
 */
export function fileMonthlyUsd(costs: FileCosts): number {
  let total = 0;
  for (const call of costs.calls) total += call.cost?.perMonthUsd ?? 0;
  for (const prompt of costs.prompts) if (prompt.site.callIndex === null) total += prompt.cost?.perMonthUsd ?? 0;
  return total;
}

function labelOf(name: string | null, text: string): string {
  if (name) return name;
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length > 60 ? `${words.slice(0, 57)}…` : words || '(empty prompt)';
}

export function fileSummary(uri: string, version: number, costs: FileCosts, positionAt: PositionAt, notices: string[]): FileSummary {
  const prompts: PromptSummary[] = costs.prompts.map((prompt) => {
    const call = prompt.site.callIndex !== null ? costs.calls[prompt.site.callIndex] : undefined;
    const cost = call?.cost ?? prompt.cost;
    return {
      label: labelOf(prompt.site.name, prompt.site.text),
      range: rangeOf(prompt.site.span, positionAt),
      tokens: prompt.tokens.tokens,
      estimate: prompt.tokens.estimate,
      modelId: prompt.modelId,
      perCallUsd: cost?.perCallUsd ?? null,
      perMonthUsd: cost?.perMonthUsd ?? null,
    };
  });
  return { uri, version, monthlyUsd: fileMonthlyUsd(costs), prompts, notices };
}
