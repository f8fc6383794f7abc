import type { CodeLens } from 'vscode-languageserver';
import type { FileCosts, PricedCall } from '../core/analysis/model';
import { formatTokens, formatUsd } from '../core/analysis/format';
import { Commands, type OpenPlaygroundArgs } from './protocol';
import type { PositionAt } from './diagnostics';

/**
 * `≈1,234 tokens · $0.0031/call · $93/month`, or why there are no dollars. A call that runs
 * through wrapper calls says so instead of a monthly figure: those calls carry it.
 */
export function callSummary(call: PricedCall): string {
  const tokens = `${formatTokens(call.inputTokens.tokens, call.inputTokens.estimate)} tokens`;
  if (!call.cost) return `${tokens} · unknown model ${call.unknownModel ? `"${call.unknownModel}"` : ''}`.trim();
  const monthly = call.relayedBy.length > 0 ? `runs through ${call.relayedBy.length} call${call.relayedBy.length === 1 ? '' : 's'} of its function` : `${formatUsd(call.cost.perMonthUsd)}/month`;
  return `${tokens} · ${formatUsd(call.cost.perCallUsd)}/call · ${monthly}`;
}

/** The text a call sends, its prompts in source order with placeholders as `{name}`, for the playground. */
export function callPrompt(costs: FileCosts, call: PricedCall): string {
  return call.promptIndexes.map((i) => costs.prompts[i].site.text).join('\n\n');
}

/** Two lenses above each LLM call: its cost, and "Open in playground". */
export function codeLenses(uri: string, costs: FileCosts, positionAt: PositionAt): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const call of costs.calls) {
    const start = positionAt(call.site.span.start);
    const range = { start, end: start };
    const args: OpenPlaygroundArgs = { uri, range: { start, end: positionAt(call.site.span.end) }, prompt: callPrompt(costs, call), model: call.modelId ?? call.site.model };
    lenses.push({ range, command: { title: callSummary(call), command: '' } });
    lenses.push({ range, command: { title: 'Open in playground', command: Commands.openPlayground, arguments: [args] } });
  }
  return lenses;
}
