import * as path from 'node:path';
import type { EvalReport } from './run';
import type { Finding, Metrics } from './score';

/** The eval report as text for a terminal: the table first, then what to fix. */

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);

function metricsRow(label: string, m: Metrics): string {
  return [
    label.padEnd(16),
    String(m.expected).padStart(8),
    String(m.found).padStart(6),
    String(m.matched).padStart(8),
    pct(m.precision).padStart(10),
    pct(m.recall).padStart(8),
    pct(m.f1).padStart(8),
  ].join('');
}

function findingList(title: string, findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const out = ['', `${title} (${findings.length})`];
  for (const f of findings) {
    const detail = f.detail ? `[${f.detail}] ` : '';
    out.push(`  ${f.file}:${f.line}  ${detail}${f.excerpt}`);
  }
  return out;
}

export function formatReport(report: EvalReport): string {
  const out: string[] = [];
  out.push(`Extraction eval: ${report.fixtures} fixtures in ${path.relative(process.cwd(), report.corpusDir) || '.'}`);
  out.push('');
  out.push(`${''.padEnd(16)}${'expected'.padStart(8)}${'found'.padStart(6)}${'matched'.padStart(8)}${'precision'.padStart(10)}${'recall'.padStart(8)}${'F1'.padStart(8)}`);
  for (const kind of ['prompts', 'calls'] as const) {
    out.push(metricsRow(kind, report[kind]));
    for (const [lang, summary] of Object.entries(report.byLanguage)) {
      if (summary.fixtures > 0) out.push(metricsRow(`  ${lang}`, summary[kind]));
    }
  }
  out.push('');
  out.push('Accuracy on matched items');
  const acc = report.accuracy;
  const rows: [string, { correct: number; total: number; rate: number }][] = [
    ['prompt role', acc.promptRole],
    ['call model', acc.callModel],
    ['call outputBound', acc.callBound],
    ['call inLoop', acc.callInLoop],
  ];
  for (const [label, a] of rows) out.push(`  ${label.padEnd(18)}${`${a.correct}/${a.total}`.padStart(9)}${pct(a.rate)}`);
  const loose = report.prompts.loose + report.calls.loose;
  if (loose > 0) {
    out.push('');
    out.push(`Loose matches (labelled line inside the found span, start line differs): prompts ${report.prompts.loose}, calls ${report.calls.loose}`);
  }
  out.push('', `Calls of the files' own wrapper functions (call sites of their own, not labelled): ${report.wrapperCalls}`);
  out.push(...findingList('Missed prompts', report.missedPrompts));
  out.push(...findingList('False-positive prompts', report.falsePositivePrompts));
  out.push(...findingList('Missed calls', report.missedCalls));
  out.push(...findingList('False-positive calls', report.falsePositiveCalls));
  out.push(...findingList('Attribute mismatches', report.attributeMismatches));
  out.push(...findingList('Extraction notices', report.notices));
  if (report.labelWarnings.length > 0) {
    out.push('', `Label warnings (${report.labelWarnings.length})`, ...report.labelWarnings.map((w) => `  ${w}`));
  }
  return out.join('\n');
}
