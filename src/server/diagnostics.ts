import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import type { ConfigProblem } from '../core/config';
import type { Notice, TextSpan } from '../core/extract';
import { ruleDocsUrl, type Finding, type Severity } from '../core/rules';

export const SOURCE = 'promptcost';

/** Turns offsets into positions: the open document's positionAt, or a LineIndex for files on disk. */
export type PositionAt = (offset: number) => Position;

export function rangeOf(span: TextSpan, positionAt: PositionAt): Range {
  return { start: positionAt(span.start), end: positionAt(span.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What identifies a finding's diagnostic when a code action request comes back with it. */
export interface FindingKey {
  ruleId: string;
  index: number;
}

/** One finding as a diagnostic: source `promptcost`, code = rule id, linked to the rule's page. */
export function findingDiagnostic(finding: Finding, index: number, positionAt: PositionAt): Diagnostic {
  return {
    range: rangeOf(finding.span, positionAt),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.message,
    data: { ruleId: finding.ruleId, index } satisfies FindingKey,
  };
}

/** A skipped document says so where the user looks: one information diagnostic on its first line. */
export function noticeDiagnostic(notice: Notice, positionAt: PositionAt): Diagnostic {
  const span = notice.span ?? { start: 0, end: 0 };
  return {
    range: rangeOf(span, positionAt),
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: notice.kind,
    message: notice.message,
  };
}

/** Problems of .promptcost.yaml, at their line and column in the file. */
export function configDiagnostic(problem: ConfigProblem, positionAt: PositionAt): Diagnostic {
  return {
    range: rangeOf({ start: problem.start, end: Math.max(problem.end, problem.start) }, positionAt),
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'config',
    message: problem.message,
  };
}
