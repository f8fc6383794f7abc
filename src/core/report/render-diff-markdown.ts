import { formatTokens, formatUsd } from '../analysis/format';
import type { PromptChange, PromptDiff } from './prompt-diff';
import { mdCell, mdTable } from './render-markdown';

/** `+$1.20`, `−$0.35`, `$0`: a signed dollar change. */
export function formatUsdDelta(usd: number): string {
  if (Math.abs(usd) < 1e-12) return '$0';
  return `${usd > 0 ? '+' : '−'}${formatUsd(Math.abs(usd))}`;
}

function tokens(change: PromptChange): string {
  const { base, head } = change.tokens;
  if (base === null) return formatTokens(head ?? 0);
  if (head === null) return formatTokens(base);
  if (base === head) return formatTokens(head);
  const delta = head - base;
  return `${formatTokens(base)} → ${formatTokens(head)} (${delta > 0 ? '+' : '−'}${formatTokens(Math.abs(delta))})`;
}

function what(change: PromptChange): string {
  const name = change.name ? `\`${change.name}\` (${change.role})` : change.role;
  const notes: string[] = [];
  if (change.status === 'changed') {
    if (change.textChanged) notes.push('text edited');
    if (change.model.base !== change.model.head) notes.push(`model ${change.model.base ?? 'unknown'} → ${change.model.head ?? 'unknown'}`);
    if (!change.textChanged && change.model.base === change.model.head) notes.push('volume changed');
    if (change.basePath) notes.push(`moved from ${change.basePath}`);
  }
  return notes.length > 0 ? `${name}: ${notes.join(', ')}` : name;
}

export interface DiffMarkdownOptions {
  /** Rows shown before the rest is summed up in one line (default 50). */
  top?: number;
}

/**
 * The prompt diff as a pull-request comment: a headline with the monthly change, one row per added,
 * removed or changed prompt with its cost change per call and per month, then the workspace total.
 */
export function renderDiffMarkdown(diff: PromptDiff, options: DiffMarkdownOptions = {}): string {
  const top = options.top ?? 50;
  const { totals } = diff;
  const out: string[] = [];
  const headline = totals.added + totals.removed + totals.changed === 0 ? 'no prompt changed' : `${formatUsdDelta(totals.deltaPerMonthUsd)} a month`;
  out.push(`### PromptCost: ${headline}`, '');
  out.push(
    `Against \`${mdCell(diff.base)}\`: ${totals.added} added, ${totals.changed} changed, ${totals.removed} removed, ${totals.unchanged} unchanged prompt${totals.unchanged === 1 ? '' : 's'}.`,
    '',
  );
  if (diff.changes.length > 0) {
    const rows = diff.changes.slice(0, top).map((c) => [
      c.status,
      what(c),
      `${c.path}#L${c.line}`,
      tokens(c),
      formatUsdDelta(c.perCallUsd.delta),
      formatUsdDelta(c.perMonthUsd.delta),
    ]);
    out.push(...mdTable(['', 'prompt', 'where', 'tokens', '$/call', '$/month'], rows, ['l', 'l', 'l', 'r', 'r', 'r']));
    if (diff.changes.length > top) {
      const rest = diff.changes.slice(top).reduce((sum, c) => sum + c.perMonthUsd.delta, 0);
      out.push(`| | …and ${diff.changes.length - top} more | | | | ${formatUsdDelta(rest)} |`);
    }
    out.push(`| **total** | | | | **${formatUsdDelta(totals.deltaPerCallUsd)}** | **${formatUsdDelta(totals.deltaPerMonthUsd)}** |`, '');
  }
  const ws = totals.workspacePerMonthUsd;
  out.push(`Workspace: ${formatUsd(ws.base)} → ${formatUsd(ws.head)} a month (${formatUsdDelta(ws.delta)}) at the configured volumes, calls included.`);
  out.push('', `<sub>Input cost of each prompt at its model. Both versions priced with the current .promptcost.yaml and the catalog of ${diff.catalogDate}.</sub>`);
  return `${out.join('\n')}\n`;
}
