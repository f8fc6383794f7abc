/** The ledger's spend-per-day chart: inline SVG bars coloured by the theme (CSS classes), with a text title per bar. */
import { formatUsd } from '../../src/core/analysis/format';
import { s } from './dom';

const WIDTH = 600;
const HEIGHT = 140;
const AXIS = 18;

export function dailyChart(days: ReadonlyArray<{ day: string; costUsd: number }>): SVGElement {
  const max = Math.max(...days.map((d) => d.costUsd), 0);
  const slot = WIDTH / Math.max(1, days.length);
  const total = days.reduce((sum, d) => sum + d.costUsd, 0);
  const svg = s('svg', {
    class: 'chart',
    viewBox: `0 0 ${WIDTH} ${HEIGHT + AXIS}`,
    role: 'img',
    'aria-label': `Spend per day over the last ${days.length} days: ${formatUsd(total)} in all, at most ${formatUsd(max)} a day.`,
  });
  svg.append(s('line', { class: 'chart-axis', x1: 0, x2: WIDTH, y1: HEIGHT + 0.5, y2: HEIGHT + 0.5 }));
  days.forEach((d, i) => {
    const height = max > 0 ? Math.max(d.costUsd > 0 ? 2 : 0, (d.costUsd / max) * (HEIGHT - 8)) : 0;
    const bar = s('rect', { class: 'chart-bar', x: i * slot + 1, y: HEIGHT - height, width: Math.max(1, slot - 2), height });
    bar.append(s('title', {}, `${d.day}: ${formatUsd(d.costUsd)}`));
    svg.append(bar);
  });
  if (days.length > 0) {
    svg.append(s('text', { class: 'chart-label', x: 0, y: HEIGHT + AXIS - 4 }, days[0].day));
    svg.append(s('text', { class: 'chart-label', x: WIDTH, y: HEIGHT + AXIS - 4, 'text-anchor': 'end' }, days[days.length - 1].day));
  }
  return svg;
}
