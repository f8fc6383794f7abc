import { escapeHtml } from './html-escape';

export interface Bar {
  label: string;
  value: number;
  /** The figure printed after the bar. */
  valueText: string;
  /** A tooltip for the bar (the full label when it is cut). */
  title?: string;
}

export interface BarChartOptions {
  /** Accessible name of the chart. */
  title: string;
  /** CSS class of the bars, so each chart can take its own colour from the stylesheet. */
  barClass?: string;
}

const WIDTH = 560;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 84;
const ROW = 26;
const BAR = 16;
const MAX_LABEL = 28;

const cut = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A horizontal bar chart as inline SVG: labels left, bars scaled to the largest value, figures right.
 * Colours come from CSS classes (no style attributes), so it follows the page's light or dark theme
 * and passes a strict Content-Security-Policy.
 */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  const height = Math.max(1, bars.length) * ROW + 8;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * ROW;
    const width = max > 0 ? Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * span) : 0;
    const tip = escapeHtml(bar.title ?? bar.label);
    return [
      `<g><title>${tip}: ${escapeHtml(bar.valueText)}</title>`,
      `<text class="chart-label" x="${LABEL_WIDTH - 8}" y="${y + BAR - 3}" text-anchor="end">${escapeHtml(cut(bar.label))}</text>`,
      `<rect class="chart-track" x="${LABEL_WIDTH}" y="${y}" width="${span}" height="${BAR}" rx="3"></rect>`,
      `<rect class="${options.barClass ?? 'chart-bar'}" x="${LABEL_WIDTH}" y="${y}" width="${round(width)}" height="${BAR}" rx="3"></rect>`,
      `<text class="chart-value" x="${LABEL_WIDTH + span + 8}" y="${y + BAR - 3}">${escapeHtml(bar.valueText)}</text></g>`,
    ].join('');
  });
  const empty = bars.length === 0 ? `<text class="chart-label" x="8" y="20">Nothing to show.</text>` : '';
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(options.title)}</title>${rows.join('')}${empty}</svg>`
  );
}
