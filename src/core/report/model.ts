import type { FileCosts } from '../analysis/model';
import type { LineIndex } from '../analysis/line-index';
import type { Finding } from '../rules/model';

/** One linted file as the report reads it; `path` is the path people see (relative, forward slashes). */
export interface ReportSource {
  path: string;
  costs: FileCosts;
  lines: LineIndex;
  findings: Finding[];
}

/** A place in the code: 1-based line and column, as editors and `path#Lline` links count them. */
export interface SourceLocation {
  path: string;
  line: number;
  column: number;
  endLine: number;
}

/** A prompt or call in the ranking, with the cost it adds each month. */
export interface RankedItem {
  kind: 'prompt' | 'call';
  location: SourceLocation;
  /** Prompts: the variable or constant name, else the role; calls: the callee as written. */
  label: string;
  /** Prompts: system, user, ...; calls: the API (openai.chat, ...). */
  detail: string;
  model: string | null;
  tokens: number;
  estimate: boolean;
  perCallUsd: number;
  perMonthUsd: number;
  monthlyCalls: number;
  /** Prompts only: what sends it, `line 55` in the same file or the path of a file that imports it. */
  sentBy: string | null;
  /**
   * True for what the totals add up: every call, and the prompts no call in their file sends
   * (their input cost at the default model). Prompts a call sends are inside that call's cost.
   */
  counted: boolean;
}

export interface CostTotal {
  key: string;
  perMonthUsd: number;
  /** Share of the workspace total, 0..100. */
  percent: number;
  calls: number;
  prompts: number;
}

export type Strategy = 'routing' | 'compression' | 'caching' | 'batch' | 'output-length' | 'context';

export interface RuleSavings {
  ruleId: string;
  strategy: Strategy | null;
  findings: number;
  /** Monthly dollars saved if every finding of the rule were applied, alone. */
  perMonthUsd: number;
  percent: number;
}

export interface StrategySavings {
  strategy: Strategy;
  label: string;
  perMonthUsd: number;
  percent: number;
}

/** A row of "baseline -> with routing -> with all strategies". */
export interface ScenarioRow {
  label: string;
  perMonthUsd: number;
  savedUsd: number;
  savedPercent: number;
}

/** The JSON contract of `promptcost report --format json` (version 1): add fields, never rename or drop them. */
export interface CostReport {
  version: 1;
  catalogDate: string;
  totals: {
    perMonthUsd: number;
    files: number;
    prompts: number;
    calls: number;
    /** Calls and prompts whose model is not in the catalog, so they have no price. */
    unpriced: number;
    estimated: boolean;
  };
  ranking: RankedItem[];
  byModel: CostTotal[];
  byFile: CostTotal[];
  byFolder: CostTotal[];
  savingsByRule: RuleSavings[];
  savingsByStrategy: StrategySavings[];
  scenarios: ScenarioRow[];
}
