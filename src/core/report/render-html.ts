import { formatTokens, formatUsd } from '../analysis/format';
import { escapeHtml } from './html-escape';
import type { CostReport, CostTotal, RankedItem } from './model';
import { formatPercent, locationLink } from './render-markdown';
import { barChart } from './svg-charts';

export interface HtmlOptions {
  /**
   * Nonce of the one `<style>` block, for hosts with a strict Content-Security-Policy (the VS Code
   * webview). Without it the page allows its own inline style and nothing else.
   */
  nonce?: string;
  /** Rows of the ranking table (default 500). */
  top?: number;
}

const STYLE = `
:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --card: #f6f8fa;
  --accent: #0969da; --bar: #0969da; --save: #1a7f37; --model: #8250df; --track: #eaeef2; --row: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root {
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --card: #151b23;
  --accent: #4493f8; --bar: #4493f8; --save: #3fb950; --model: #ab7df8; --track: #262c36; --row: #151b23; } }
body.vscode-dark { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --card: #151b23;
  --accent: #4493f8; --bar: #4493f8; --save: #3fb950; --model: #ab7df8; --track: #262c36; --row: #151b23; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 12px; } h3 { font-size: 15px; margin: 0 0 8px; }
.sub, .note { color: var(--muted); } .note { font-size: 12px; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; margin-top: 20px; }
.card, .panel { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 14px 16px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 26px; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .delta { color: var(--save); font-weight: 600; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 12px; margin-top: 12px; }
.chart { display: block; width: 100%; max-width: 620px; height: auto; }
.chart-label, .chart-value { fill: var(--fg); font-size: 12px; font-family: inherit; }
.chart-value { fill: var(--muted); font-variant-numeric: tabular-nums; }
.chart-track { fill: var(--track); } .chart-bar { fill: var(--bar); } .chart-save { fill: var(--save); } .chart-model { fill: var(--model); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--row); }
.kind { display: inline-block; min-width: 48px; font-size: 11px; color: var(--muted); text-transform: uppercase; }
code, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.scroll { overflow-x: auto; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 16px; }
`;

function th(text: string, numeric = false): string {
  return `<th${numeric ? ' class="num"' : ''}>${escapeHtml(text)}</th>`;
}

function td(html: string, numeric = false): string {
  return `<td${numeric ? ' class="num"' : ''}>${html}</td>`;
}

/**
 * A location as a plain `path#Lline` link, with data attributes a host (the VS Code webview) reads to
 * open the file at the line itself.
 */
function locationAnchor(item: RankedItem): string {
  const link = locationLink(item);
  const { path, line, column } = item.location;
  return `<a class="loc" href="${escapeHtml(encodeURI(link))}" data-path="${escapeHtml(path)}" data-line="${line}" data-column="${column}">${escapeHtml(link)}</a>`;
}

function totalsTable(title: string, keyHeader: string, totals: readonly CostTotal[]): string {
  const rows = totals
    .map((t) => `<tr>${td(`<code>${escapeHtml(t.key)}</code>`)}${td(formatUsd(t.perMonthUsd), true)}${td(formatPercent(t.percent), true)}${td(String(t.calls), true)}${td(String(t.prompts), true)}</tr>`)
    .join('');
  return `<div><h3>${escapeHtml(title)}</h3><div class="scroll"><table><thead><tr>${th(keyHeader)}${th('$/month', true)}${th('share', true)}${th('calls', true)}${th('prompts', true)}</tr></thead><tbody>${rows}</tbody></table></div></div>`;
}

function scenarioCards(report: CostReport): string {
  return report.scenarios
    .map((s, i) => {
      const delta = i === 0 ? '<span class="sub">at the configured volumes</span>' : `<span class="delta">−${formatUsd(s.savedUsd)} (${formatPercent(s.savedPercent)})</span>`;
      return `<div class="card"><div class="label">${escapeHtml(s.label)}</div><div class="value">${formatUsd(s.perMonthUsd)}<span class="sub"> /month</span></div>${delta}</div>`;
    })
    .join('');
}

function rankingTable(report: CostReport, top: number): string {
  const rows = report.ranking
    .slice(0, top)
    .map((item, i) => {
      const what = `<span class="kind">${item.kind}</span> ${escapeHtml(item.label)} <span class="sub">(${escapeHtml(item.detail)}${item.counted ? '' : `, sent by ${escapeHtml(item.sentBy ?? '')}`})</span>`;
      return `<tr>${td(String(i + 1), true)}${td(locationAnchor(item))}${td(what)}${td(escapeHtml(item.model ?? '—'))}${td(formatTokens(item.tokens, item.estimate), true)}${td(formatUsd(item.perCallUsd), true)}${td(formatUsd(item.perMonthUsd), true)}</tr>`;
    })
    .join('');
  const more = report.ranking.length > top ? `<p class="note">…and ${report.ranking.length - top} more in <code>--format json</code>.</p>` : '';
  return `<div class="scroll"><table><thead><tr>${th('#', true)}${th('where')}${th('what')}${th('model')}${th('tokens', true)}${th('$/call', true)}${th('$/month', true)}</tr></thead><tbody>${rows}</tbody></table></div>${more}`;
}

function savingsTable(report: CostReport): string {
  if (report.savingsByRule.length === 0) return '<p class="sub">No rule found a saving.</p>';
  const rows = report.savingsByRule
    .map((r) => `<tr>${td(`<code>${escapeHtml(r.ruleId)}</code>`)}${td(escapeHtml(r.strategy ?? '—'))}${td(String(r.findings), true)}${td(formatUsd(r.perMonthUsd), true)}${td(formatPercent(r.percent), true)}</tr>`)
    .join('');
  return `<div class="scroll"><table><thead><tr>${th('rule')}${th('strategy')}${th('findings', true)}${th('$/month saved', true)}${th('% of total', true)}</tr></thead><tbody>${rows}</tbody></table></div><p class="note">Each rule alone, as if all its findings were applied.</p>`;
}

/**
 * The cost report as one self-contained HTML page: inline CSS in a single `<style>` block, inline SVG
 * charts, no script, no external resource, light and dark through `prefers-color-scheme` (and VS
 * Code's `vscode-dark` body class). A meta Content-Security-Policy forbids any request.
 */
export function renderReportHtml(report: CostReport, options: HtmlOptions = {}): string {
  const { totals } = report;
  const nonceAttr = options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  const styleSource = options.nonce ? `'nonce-${escapeHtml(options.nonce)}'` : `'unsafe-inline'`;
  const modelChart = barChart(
    report.byModel.slice(0, 10).map((t) => ({ label: t.key, value: t.perMonthUsd, valueText: `${formatUsd(t.perMonthUsd)}` })),
    { title: 'Monthly cost by model', barClass: 'chart-model' },
  );
  const topChart = barChart(
    report.ranking.slice(0, 10).map((item) => ({
      label: `${item.location.path.split('/').pop()}:${item.location.line} ${item.label}`,
      title: `${locationLink(item)} ${item.kind} ${item.label}`,
      value: item.perMonthUsd,
      valueText: formatUsd(item.perMonthUsd),
    })),
    { title: 'Top prompts and calls by monthly cost' },
  );
  const strategyChart = barChart(
    report.savingsByStrategy.map((s) => ({ label: s.label, value: s.perMonthUsd, valueText: formatUsd(s.perMonthUsd) })),
    { title: 'Monthly savings by strategy', barClass: 'chart-save' },
  );
  const summary =
    `${formatUsd(totals.perMonthUsd)} a month from ${totals.calls} LLM call${totals.calls === 1 ? '' : 's'} and ${totals.prompts} prompt${totals.prompts === 1 ? '' : 's'} ` +
    `in ${totals.files} file${totals.files === 1 ? '' : 's'}. Prices from the catalog of ${report.catalogDate}.`;
  const unpriced = totals.unpriced > 0 ? `<p class="sub">${totals.unpriced} prompts or calls have a model not in the catalog and no price.</p>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${styleSource}; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>PromptCost report</title>
<style${nonceAttr}>${STYLE}</style>
</head>
<body>
<main>
<h1>PromptCost report</h1>
<p class="sub">${escapeHtml(summary)}</p>
${unpriced}
<section aria-label="Baseline, with routing, with all strategies"><div class="cards">${scenarioCards(report)}</div>
<p class="note">Savings on the same call combine: each strategy removes its share of what the others leave.</p></section>
<section class="panels">
<div class="panel"><h3>Cost by model</h3>${modelChart}</div>
<div class="panel"><h3>Top prompts and calls</h3>${topChart}</div>
<div class="panel"><h3>Savings by strategy</h3>${strategyChart}</div>
</section>
<h2>Prompts and calls by monthly cost</h2>
${rankingTable(report, options.top ?? 500)}
<p class="note">A prompt sent by a call in its own file is part of that call’s cost; the totals count it once.${totals.estimated ? ' ≈ marks token estimates for non-OpenAI tokenizers.' : ''}</p>
<h2>Savings by rule</h2>
${savingsTable(report)}
<h2>Totals</h2>
<div class="columns">
${totalsTable('By model', 'model', report.byModel)}
${totalsTable('By folder', 'folder', report.byFolder)}
</div>
${totalsTable('By file', 'file', report.byFile)}
</main>
</body>
</html>
`;
}
