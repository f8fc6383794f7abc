import { createHash } from 'node:crypto';
import type { LineIndex } from '../../core/analysis/line-index';
import type { TextSpan } from '../../core/extract/model';
import type { Finding, Savings, Severity } from '../../core/rules';
import type { LintCounts } from '../../core/report/lint-outcome';
import type { AnalysedFile } from '../analyse-workspace';

/** A range with 1-based lines and columns; the end column is exclusive, columns count UTF-16 units. */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintFindingJson extends Region {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  data: Record<string, string | number>;
  savings: Savings | null;
  fixes: Array<{ title: string; safe: boolean; edits: Array<Region & { text: string }> }>;
  /** Stable across edits elsewhere in the file: rule, path and the flagged text, numbered when repeated. */
  fingerprint: string;
}

/**
 * The JSON contract of `promptcost lint --format json` (version 1). Add fields, never rename or drop
 * them. Paths are relative to the cwd; only files with findings are listed.
 */
export interface LintJson {
  version: 1;
  catalogDate: string;
  files: Array<{ path: string; findings: LintFindingJson[] }>;
  summary: LintCounts & {
    filesLinted: number;
    /** Findings with a safe fix, which `--fix` applies. */
    fixable: number;
    /** The workspace's monthly cost at the configured volumes (calls, and prompts sent from other files). */
    monthlyUsd: number;
    monthlyBudgetUsd: number | null;
    /** Why the run fails; empty when it passes. */
    failures: string[];
  };
}

export function regionOf(span: TextSpan, lines: LineIndex): Region {
  const start = lines.position(span.start);
  const end = lines.position(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function findingJson(finding: Finding, file: AnalysedFile, seen: Map<string, number>): LintFindingJson {
  const flagged = file.text.slice(finding.span.start, finding.span.end).replace(/\s+/g, ' ').trim();
  const key = `${finding.ruleId}\u0000${file.path}\u0000${flagged}`;
  const occurrence = (seen.get(key) ?? 0) + 1;
  seen.set(key, occurrence);
  return {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity,
    message: finding.message,
    ...regionOf(finding.span, file.lines),
    data: finding.data,
    savings: finding.savings,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      edits: fix.edits.map((edit) => ({ ...regionOf(edit.span, file.lines), text: edit.newText })),
    })),
    fingerprint: `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`,
  };
}

export function countFindings(files: readonly AnalysedFile[]): LintCounts & { fixable: number } {
  const counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const finding of files.flatMap((f) => f.findings)) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
    if (finding.fixes.some((fix) => fix.safe)) counts.fixable++;
  }
  return counts;
}

export function toLintJson(
  files: readonly AnalysedFile[],
  context: { catalogDate: string; monthlyUsd: number; monthlyBudgetUsd: number | null; failures: string[] },
): LintJson {
  const withFindings = files.filter((f) => f.findings.length > 0);
  return {
    version: 1,
    catalogDate: context.catalogDate,
    files: withFindings.map((file) => {
      const seen = new Map<string, number>();
      return { path: file.path, findings: file.findings.map((finding) => findingJson(finding, file, seen)) };
    }),
    summary: {
      filesLinted: files.length,
      ...countFindings(files),
      monthlyUsd: context.monthlyUsd,
      monthlyBudgetUsd: context.monthlyBudgetUsd,
      failures: context.failures,
    },
  };
}
