import type { PricedCall, PricedPrompt } from '../analysis/model';
import type { SeveritySetting } from '../config/model';
import type { TextSpan } from '../extract/model';
import type { Finding, RuleContext, RuleKind, Savings, Severity, TextEdit } from './model';
import { formatMessage } from './format-message';
import { resolveOptions, type OptionsSchema } from './options';

/** Where rule pages live; every docs URL is derived from it, no rule writes its own. */
export const RULE_DOCS_BASE_URL = 'https://github.com/promptcost/promptcost/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE_URL}${id}.md`;
}

/**
 * How a rule's fixes behave: `safe` fixes keep behaviour (applied by `lint --fix`), `unsafe` ones are
 * offered in the editor only, `mixed` means some of each, `null` means the rule never fixes.
 */
export type Fixable = 'safe' | 'unsafe' | 'mixed' | null;

export interface RuleMeta<Options, MessageId extends string> {
  /** Kebab-case, equal to the file name. */
  id: string;
  kind: RuleKind;
  /** One line, verb first. */
  description: string;
  defaultSeverity: SeveritySetting;
  fixable: Fixable;
  /** One entry per option key, with its default; `{}` when the rule takes none. */
  options: OptionsSchema<Options>;
  /** Message texts by camelCase id, `{{name}}` placeholders filled from report data. Fix titles live here too. */
  messages: Record<MessageId, string>;
}

export interface FixDescriptor<MessageId extends string> {
  /** The fix title's message id. */
  messageId: MessageId;
  data?: Record<string, string | number>;
  edits: TextEdit[];
  safe: boolean;
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  span: TextSpan;
  fixes?: FixDescriptor<MessageId>[];
  savings?: Savings | null;
}

/** The visitors a rule returns; the runner calls them for every prompt and call of the file, in source order. */
export interface RuleVisitors {
  prompt?(prompt: PricedPrompt, index: number): void;
  call?(call: PricedCall, index: number): void;
}

export interface RuleCheckContext<MessageId extends string> extends RuleContext {
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface RuleDefinition<Options, MessageId extends string> {
  meta: RuleMeta<Options, MessageId>;
  check(ctx: RuleCheckContext<MessageId>, options: Readonly<Options>): RuleVisitors;
}

/** A rule with its generics erased, as the registry holds it. */
export interface Rule {
  meta: RuleMeta<Record<string, unknown>, string> & { docsUrl: string };
  /** Runs the rule over one priced file with raw options from the configuration. */
  run(ctx: RuleContext, rawOptions: Record<string, unknown> | undefined, severity: Severity): Finding[];
}

/**
 * The one factory for rules: types the options and message ids (a misspelt id fails to compile),
 * merges options over their defaults once, and fills message placeholders.
 */
export function defineRule<Options, MessageId extends string>(definition: RuleDefinition<Options, MessageId>): Rule {
  const { meta } = definition;
  return {
    meta: { ...(meta as unknown as RuleMeta<Record<string, unknown>, string>), docsUrl: ruleDocsUrl(meta.id) },
    run(ctx, rawOptions, severity) {
      const findings: Finding[] = [];
      const options = resolveOptions(meta.options, rawOptions);
      const report = (descriptor: ReportDescriptor<MessageId>): void => {
        const data = descriptor.data ?? {};
        findings.push({
          ruleId: meta.id,
          messageId: descriptor.messageId,
          message: formatMessage(meta.messages[descriptor.messageId], data),
          data,
          severity,
          span: descriptor.span,
          fixes: (descriptor.fixes ?? []).map((fix) => ({
            title: formatMessage(meta.messages[fix.messageId], fix.data ?? {}),
            edits: fix.edits,
            safe: fix.safe,
          })),
          savings: descriptor.savings ?? null,
        });
      };
      const visitors = definition.check({ ...ctx, report }, options);
      if (visitors.prompt) ctx.file.prompts.forEach((prompt, i) => visitors.prompt!(prompt, i));
      if (visitors.call) ctx.file.calls.forEach((call, i) => visitors.call!(call, i));
      return findings;
    },
  };
}
