import type { SeveritySetting } from '../config/model';
import { parseDisableDirectives } from '../disables/inline-disables';
import type { Rule } from './define-rule';
import type { Finding, RuleContext } from './model';
import cachePrefix from './cache-prefix';
import callInLoop from './call-in-loop';
import cheaperModel from './cheaper-model';
import contextOverflow from './context-overflow';
import fullHistory from './full-history';
import overBudget from './over-budget';
import unboundedOutput from './unbounded-output';
import unknownModel from './unknown-model';
import verbosePrompt from './verbose-prompt';

export * from './model';
export { ruleDocsUrl, type Rule } from './define-rule';

/** Every rule, by id. */
export const RULES: ReadonlyMap<string, Rule> = new Map(
  [verbosePrompt, unboundedOutput, cheaperModel, fullHistory, callInLoop, cachePrefix, contextOverflow, unknownModel, overBudget].map(
    (rule) => [rule.meta.id, rule],
  ),
);

/** Editor settings: a severity per rule id that wins over `.promptcost.yaml`. */
export type SeverityOverrides = Readonly<Record<string, SeveritySetting>>;

/** The severity a rule runs at: editor override, else the configuration, else the rule's default. */
export function severityOf(rule: Rule, ctx: RuleContext, overrides: SeverityOverrides = {}): SeveritySetting {
  return overrides[rule.meta.id] ?? ctx.config.rules[rule.meta.id]?.severity ?? rule.meta.defaultSeverity;
}

/**
 * Runs every rule that is not off over one priced file, drops findings silenced by inline
 * disable comments, and returns them in source order.
 */
export function lintFile(ctx: RuleContext, overrides: SeverityOverrides = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES.values()) {
    const severity = severityOf(rule, ctx, overrides);
    if (severity === 'off') continue;
    findings.push(...rule.run(ctx, ctx.config.rules[rule.meta.id]?.options, severity));
  }
  if (findings.length === 0) return findings;
  const directives = parseDisableDirectives(ctx.text);
  return findings
    .filter((finding) => !directives.isDisabled(finding.ruleId, finding.span.start))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}
