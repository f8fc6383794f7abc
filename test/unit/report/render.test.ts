import * as assert from 'node:assert/strict';
import { buildReport, renderReportHtml, renderReportMarkdown, type CostReport } from '../../../src/core/report';
import { barChart } from '../../../src/core/report/svg-charts';
import { catalog, configOf, sourcesOf } from './sources';

const HOSTILE_TS = `import OpenAI from 'openai';
const client = new OpenAI();
export const ask = (q: string) =>
  client.chat.completions.create({ model: 'gpt-4o', max_tokens: 10, messages: [{ role: 'system', content: '<script>alert(1)</script> | pipes | and "quotes"' }] });
`;

async function report(): Promise<CostReport> {
  const config = configOf('rules:\n  cheaper-model: off\n');
  return buildReport(await sourcesOf({ 'src/<b>odd|name</b>.ts': HOSTILE_TS }, config), { catalogDate: '2026-01-01', config, catalog });
}

describe('renderReportHtml', () => {
  it('is one self-contained page: no script, no external resource, a CSP that forbids requests', async () => {
    const html = renderReportHtml(await report());
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\s(src|href)="(https?:)?\/\//i, 'no remote src or href');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /\sstyle="/i, 'no style attributes (a nonce CSP would block them)');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.equal(html.match(/<style/g)?.length, 1);
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
  });

  it('escapes paths and labels, and links each location as path#Lline with data attributes', async () => {
    const html = renderReportHtml(await report());
    assert.doesNotMatch(html, /<b>odd/);
    assert.match(html, /<a class="loc" href="src\/%3Cb%3Eodd%7Cname%3C\/b%3E\.ts#L4" data-path="src\/&lt;b&gt;odd\|name&lt;\/b&gt;\.ts" data-line="4" data-column="3">/);
  });

  it('puts the nonce on its one style block and in its CSP when given one', async () => {
    const html = renderReportHtml(await report(), { nonce: 'abc123' });
    assert.match(html, /<style nonce="abc123">/);
    assert.match(html, /style-src 'nonce-abc123'/);
    assert.doesNotMatch(html, /unsafe-inline/);
  });
});

describe('renderReportMarkdown', () => {
  it('keeps table cells intact when names hold pipes', async () => {
    const md = renderReportMarkdown(await report());
    const row = md.split('\n').find((line) => line.startsWith('| 1 |'))!;
    assert.match(row, /odd\\\|name/);
    assert.equal(row.split(/(?<!\\)\|/).length, 9, 'seven cells');
    assert.match(md, /^\| Baseline \| \$[\d.]+ \| \$0 \| 0% \|$/m);
  });
});

describe('barChart', () => {
  it('scales bars to the largest value and escapes labels', () => {
    const svg = barChart(
      [
        { label: 'a<b', value: 10, valueText: '$10' },
        { label: 'c', value: 5, valueText: '$5' },
      ],
      { title: 'T' },
    );
    const widths = [...svg.matchAll(/class="chart-bar"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.equal(widths.length, 2);
    assert.equal(widths[1] * 2, widths[0]);
    assert.match(svg, />a&lt;b</);
  });
});
