import type { FileCosts } from '../analysis/model';
import type { Catalog } from '../catalog';
import type { PromptCostConfig } from '../config/model';
import type { TextSpan } from '../extract/model';

export type Severity = 'info' | 'warning' | 'error';
export type RuleKind = 'cost' | 'correctness';

/** One text replacement; offsets into the analysed text. */
export interface TextEdit {
  span: TextSpan;
  newText: string;
}

export interface Fix {
  /** Shown as the quick fix title ("Add max_completion_tokens: 400"). */
  title: string;
  edits: TextEdit[];
  /** Safe fixes keep behaviour and are applied by `lint --fix`; unsafe ones are offered in the editor only. */
  safe: boolean;
}

export interface Savings {
  tokens: number;
  per1kCallsUsd: number;
  perMonthUsd: number;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  /** The message with its placeholders filled. */
  message: string;
  data: Record<string, string | number>;
  severity: Severity;
  span: TextSpan;
  fixes: Fix[];
  savings: Savings | null;
}

/** What a rule's check sees: the priced file, its text, the configuration in force and the model catalog. */
export interface RuleContext {
  file: FileCosts;
  text: string;
  config: PromptCostConfig;
  catalog: Catalog;
}
