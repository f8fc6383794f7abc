import { formatUsd } from '../analysis/format';

export type FailOn = 'error' | 'warning';

export interface LintCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface LintPolicy {
  failOn: FailOn;
  /** More warnings than this fails the run; null for no limit. */
  maxWarnings: number | null;
  /** `budgets.monthlyUsd` of the configuration, when set. */
  monthlyBudgetUsd: number | null;
}

export interface LintOutcome {
  /** 0 clean, 1 findings at or above the fail level, too many warnings or over budget. */
  exitCode: 0 | 1;
  /** One line per reason the run failed, for the summary and for CI logs. */
  reasons: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Whether a lint run fails, and why, from the counts, the workspace's monthly cost and the policy. */
export function lintOutcome(counts: LintCounts, monthlyUsd: number, policy: LintPolicy): LintOutcome {
  const reasons: string[] = [];
  if (counts.errors > 0) reasons.push(`${plural(counts.errors, 'error')} found.`);
  if (policy.failOn === 'warning' && counts.warnings > 0) reasons.push(`${plural(counts.warnings, 'warning')} found and --fail-on is warning.`);
  if (policy.maxWarnings !== null && counts.warnings > policy.maxWarnings) {
    reasons.push(`${plural(counts.warnings, 'warning')} found; --max-warnings allows ${policy.maxWarnings}.`);
  }
  if (policy.monthlyBudgetUsd !== null && monthlyUsd > policy.monthlyBudgetUsd) {
    reasons.push(
      `The workspace costs ${formatUsd(monthlyUsd)} a month at the configured volumes, over the monthly budget of ${formatUsd(policy.monthlyBudgetUsd)} (budgets.monthlyUsd) by ${formatUsd(monthlyUsd - policy.monthlyBudgetUsd)}.`,
    );
  }
  return { exitCode: reasons.length > 0 ? 1 : 0, reasons };
}
