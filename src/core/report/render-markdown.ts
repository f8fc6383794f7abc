import { formatTokens, formatUsd } from '../analysis/format';
import type { CostReport, CostTotal, RankedItem } from './model';

export interface MarkdownOptions {
  /** Rows of the ranking to show (the JSON keeps all of them). */
  top?: number;
}

/** A cell safe inside a markdown table: pipes escaped, line breaks flattened. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function mdTable(header: string[], rows: string[][], align: Array<'l' | 'r'>): string[] {
  return [
    `| ${header.map(mdCell).join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`),
  ];
}

export const formatPercent = (percent: number) => `${percent.toFixed(percent > 0 && percent < 10 ? 1 : 0)}%`;

/** `path#L12`, the link form GitHub and the report's HTML both understand. */
export function locationLink(item: RankedItem): string {
  return `${item.location.path}#L${item.location.line}`;
}

function totalsTable(title: string, keyHeader: string, totals: readonly CostTotal[], limit: number): string[] {
  if (totals.length === 0) return [];
  const rows = totals.slice(0, limit).map((t) => [t.key, formatUsd(t.perMonthUsd), formatPercent(t.percent), String(t.calls), String(t.prompts)]);
  const more = totals.length > limit ? [`_…and ${totals.length - limit} more._`, ''] : [];
  return [`### ${title}`, '', ...mdTable([keyHeader, '$/month', 'share', 'calls', 'prompts'], rows, ['l', 'r', 'r', 'r', 'r']), '', ...more];
}

/** The cost report as markdown: summary, scenarios, ranking, totals and savings, for a README, a wiki or a PR. */
export function renderReportMarkdown(report: CostReport, options: MarkdownOptions = {}): string {
  const top = options.top ?? 50;
  const { totals } = report;
  const out: string[] = ['# PromptCost report', ''];
  out.push(
    `**${formatUsd(totals.perMonthUsd)} a month** at the configured volumes, from ${totals.calls} LLM call${totals.calls === 1 ? '' : 's'} and ` +
      `${totals.prompts} prompt${totals.prompts === 1 ? '' : 's'} in ${totals.files} file${totals.files === 1 ? '' : 's'}. ` +
      `Prices from the catalog of ${report.catalogDate}.`,
  );
  if (totals.unpriced > 0) out.push('', `${totals.unpriced} prompt${totals.unpriced === 1 ? ' or call has a model' : 's or calls have models'} not in the catalog and no price (see the \`unknown-model\` rule).`);
  out.push('');

  out.push('## Baseline → with routing → with all strategies', '');
  out.push(...mdTable(['', '$/month', 'saved', '% saved'], report.scenarios.map((s) => [s.label, formatUsd(s.perMonthUsd), formatUsd(s.savedUsd), formatPercent(s.savedPercent)]), ['l', 'r', 'r', 'r']));
  out.push('', 'Savings on the same call combine: each strategy removes its share of what the others leave.', '');

  out.push('## Savings by rule', '');
  if (report.savingsByRule.length === 0) out.push('No rule found a saving.', '');
  else {
    out.push(
      ...mdTable(
        ['rule', 'strategy', 'findings', '$/month saved', '% of total'],
        report.savingsByRule.map((r) => [`\`${r.ruleId}\``, r.strategy ?? '—', String(r.findings), formatUsd(r.perMonthUsd), formatPercent(r.percent)]),
        ['l', 'l', 'r', 'r', 'r'],
      ),
      '',
      'Each rule alone, as if all its findings were applied.',
      '',
    );
  }

  out.push(`## Prompts and calls by monthly cost`, '');
  const ranked = report.ranking.slice(0, top);
  out.push(
    ...mdTable(
      ['#', 'where', 'what', 'model', 'tokens', '$/call', '$/month'],
      ranked.map((item, i) => [
        String(i + 1),
        `[${locationLink(item)}](${encodeURI(locationLink(item))})`,
        `${item.kind} ${item.label} (${item.detail})${item.counted ? '' : ` · sent by ${item.sentBy}`}`,
        item.model ?? '—',
        formatTokens(item.tokens, item.estimate),
        formatUsd(item.perCallUsd),
        formatUsd(item.perMonthUsd),
      ]),
      ['r', 'l', 'l', 'l', 'r', 'r', 'r'],
    ),
    '',
  );
  if (report.ranking.length > top) out.push(`_…and ${report.ranking.length - top} more (see \`--format json\`)._`, '');
  out.push('A prompt sent by a call in its own file is part of that call’s cost; the totals count it once.', '');

  out.push('## Totals', '');
  out.push(...totalsTable('By model', 'model', report.byModel, 20));
  out.push(...totalsTable('By folder', 'folder', report.byFolder, 20));
  out.push(...totalsTable('By file', 'file', report.byFile, 20));
  if (totals.estimated) out.push('≈ marks token estimates for non-OpenAI tokenizers.', '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
