/** Types shared by the classifier, the condition language and the router. */

export const TASKS = ['classify', 'extract', 'summarize', 'translate', 'rewrite', 'draft', 'qa', 'reason', 'code'] as const;
export type Task = (typeof TASKS)[number];

/** Ordered from least to most demanding; conditions compare complexities by this order. */
export const COMPLEXITIES = ['low', 'medium', 'high'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/** What the classifier decided about one prompt, and why, in plain words. */
export interface Classification {
  task: Task;
  complexity: Complexity;
  /** 0..1: how far the winning task is ahead of the runner-up. */
  confidence: number;
  why: string[];
}

/**
 * What a routing condition can see besides the classification. Values the caller does not know
 * are left out (undefined): comparisons against them are false.
 */
export interface RouteContext {
  /** Tokens of the whole prompt. */
  tokens?: number;
  role?: string;
  /** Workspace-relative path of the file, with forward slashes. */
  path?: string;
  api?: string;
  /** Provider of the model the call uses now (`openai`, `anthropic`, ...). */
  provider?: string;
  /** True when local models may be used (a local provider is configured or --local was given). */
  local: boolean;
}

/** A rule of the routing table: `when` is a condition in the language of docs/routing.md. */
export interface RouteRule {
  when: string;
  model: string;
}

export interface RouteDecision {
  /** The model the first matching rule names, or null when no rule matched. */
  model: string | null;
  /** Index of that rule in the table, or -1. */
  ruleIndex: number;
  why: string[];
}

/** A bad condition, located by UTF-16 offsets within the rule's `when` string. */
export interface RoutingProblem {
  ruleIndex: number;
  message: string;
  start: number;
  end: number;
}
