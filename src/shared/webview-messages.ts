/**
 * Every message between the PromptCost webviews (the playground, the cost report) and the
 * extension, in one place. Each side validates what arrives with the `parse*` functions below:
 * a webview is a page, and a page's messages are not trusted. Pure TypeScript with no imports,
 * so both the extension bundle and the browser bundle use it.
 */

export type ChatRole = 'system' | 'user' | 'assistant';

export interface HistoryTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** The pipeline steps the user can switch off in the panel. */
export const STEP_SWITCHES = ['trim', 'compress', 'route', 'length', 'cache'] as const;
export type StepSwitch = (typeof STEP_SWITCHES)[number];

/** What the panel edits: the prompt, its variables, the models to compare and the steps on. */
export interface PlaygroundInput {
  system: string;
  user: string;
  history: HistoryTurn[];
  /** Values for `{name}` placeholders of the system and user text. */
  variables: Record<string, string>;
  /** Model ids to run side by side (`openai/gpt-4o-mini`). */
  models: string[];
  steps: Record<StepSwitch, boolean>;
}

/** One word-level diff segment: kept, removed from the original, or added by the optimizer. */
export interface DiffSegment {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** One row of the before-run table: the request after a step, priced at the model it would reach. */
export interface StepRow {
  step: string;
  detail: string;
  model: string;
  inputTokens: number;
  estimate: boolean;
  /** Input plus the expected output, in dollars; null when the model has no price. */
  costUsd: number | null;
  /** Saved against the row before; null when either side has no price. */
  savedUsd: number | null;
}

export interface ModelPreview {
  model: string;
  rows: StepRow[];
  /** The optimized system and user text against the original, as written in the source (placeholders kept). */
  diffs: Array<{ role: 'system' | 'user'; segments: DiffSegment[] }>;
  /** Set when the model cannot be priced or called: why. */
  problem?: string;
}

/** What a finished run shows. */
export interface RunSummary {
  model: string;
  requestedModel: string;
  provider: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  reportedUsage: boolean;
  costUsd: number | null;
  latencyMs: number;
  cached: boolean;
  routeWhy: string[];
  fallback?: { from: string; reason: string };
  finishReason: string;
  /** The full answer (the streamed chunks, for a late reader). */
  text: string;
  truncated: boolean;
}

export interface LedgerTotalsView {
  calls: number;
  costUsd: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
}

export interface LedgerView {
  today: LedgerTotalsView;
  month: LedgerTotalsView;
  byModel: Array<LedgerTotalsView & { name: string }>;
  byProvider: Array<LedgerTotalsView & { name: string }>;
  savings: { cache: number; routing: number; compression: number; trimming: number; batching: number; total: number };
  /** Spend per day, oldest first, for the chart (the last 30 days). */
  daily: Array<{ day: string; costUsd: number }>;
  records: number;
}

/** Where the prompt came from, when the panel was opened from code. */
export interface SourceView {
  label: string;
  /** True when "Apply to source" can write the optimized prompt back over the literal(s). */
  canApply: boolean;
  why?: string;
}

/** One answered (or failed) row of a batch, priced at the batch rate and, for comparison, at the list rate. */
export interface BatchRowView {
  /** Position of the row among the rows sent (0-based). */
  index: number;
  /** The user message of the row, variables filled in (cut for display). */
  user: string;
  model: string;
  text?: string;
  truncated: boolean;
  inputTokens: number;
  outputTokens: number;
  /** What the row cost: the batch rate, zero for a cache hit; null when the model has no price. */
  costUsd: number | null;
  /** The same usage at the list (non-batch) rate; null when unknown or for a cache hit. */
  listCostUsd: number | null;
  cached: boolean;
  error?: string;
}

export interface BatchTotalsView {
  rows: number;
  failed: number;
  cached: number;
  costUsd: number;
  /** The answered rows at the list rate, and what the batch rate saved against it. */
  listCostUsd: number;
  savedUsd: number;
}

/** Webview -> extension. */
export type PlaygroundRequest =
  /** The page has loaded its script and listens. */
  | { type: 'ready' }
  /** Price the input before running: per model, per step. */
  | { type: 'preview'; input: PlaygroundInput }
  | { type: 'run'; input: PlaygroundInput }
  | { type: 'cancel' }
  /** Write that model's optimized prompt over the source literal(s). */
  | { type: 'apply'; input: PlaygroundInput; model: string }
  | { type: 'refreshLedger' }
  | { type: 'exportCsv' }
  | { type: 'setKey' }
  /** Batch mode: one request per row (a user message, or values for the placeholders), for the first model. */
  | { type: 'batch'; input: PlaygroundInput; rows: string[] }
  /** Cancel the running batch at the provider. */
  | { type: 'cancelBatch' };

/** Extension -> webview. */
export type PlaygroundEvent =
  | { type: 'load'; input: PlaygroundInput; source: SourceView | null; suggestions: string[] }
  | { type: 'preview'; previews: ModelPreview[] }
  | { type: 'runStarted'; runId: number; models: string[] }
  | { type: 'chunk'; runId: number; model: string; text: string }
  | { type: 'runDone'; runId: number; model: string; result: RunSummary }
  | { type: 'runFailed'; runId: number; model: string; message: string }
  | { type: 'ledger'; ledger: LedgerView }
  | { type: 'notice'; level: 'info' | 'error'; message: string }
  | { type: 'batchStarted'; batchRun: number; model: string; total: number }
  | { type: 'batchStatus'; batchRun: number; message: string }
  | { type: 'batchRow'; batchRun: number; row: BatchRowView }
  | { type: 'batchDone'; batchRun: number; totals: BatchTotalsView }
  | { type: 'batchFailed'; batchRun: number; message: string; totals: BatchTotalsView }
  /** The batch was cancelled at the provider (or the cancel failed): the message says which. */
  | { type: 'batchCancelled'; batchRun: number; message: string; totals: BatchTotalsView };

/** Report webview -> extension: open a `file:line` of the report. */
export type ReportRequest = { type: 'open'; path: string; line: number; column: number };

/** Bounds on what a page may send: text the size of a book is a bug or an attack, not a prompt. */
export const LIMITS = { text: 400_000, history: 200, variables: 100, models: 8, modelId: 200, batchRows: 1000, batchRow: 20_000 } as const;

type Check<T> = (value: unknown) => T | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text: Check<string> = (value) => (typeof value === 'string' && value.length <= LIMITS.text ? value : undefined);
const modelId: Check<string> = (value) => (typeof value === 'string' && value.trim() !== '' && value.length <= LIMITS.modelId ? value.trim() : undefined);

function turn(value: unknown): HistoryTurn | undefined {
  if (!isRecord(value) || (value.role !== 'user' && value.role !== 'assistant')) return undefined;
  const content = text(value.content);
  return content === undefined ? undefined : { role: value.role, content };
}

function variables(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > LIMITS.variables) return undefined;
  for (const [name, raw] of entries) if (text(raw) === undefined || name.length > LIMITS.modelId) return undefined;
  // fromEntries defines own properties, so a `__proto__` name stays a plain key.
  return Object.fromEntries(entries) as Record<string, string>;
}

function steps(value: unknown): Record<StepSwitch, boolean> | undefined {
  if (!isRecord(value)) return undefined;
  const out = {} as Record<StepSwitch, boolean>;
  for (const step of STEP_SWITCHES) {
    if (typeof value[step] !== 'boolean') return undefined;
    out[step] = value[step];
  }
  return out;
}

/** Between 1 and LIMITS.batchRows rows, each a non-blank string of at most LIMITS.batchRow characters. */
function batchRows(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.batchRows) return undefined;
  const ok = value.every((row) => typeof row === 'string' && row.trim() !== '' && row.length <= LIMITS.batchRow);
  return ok ? (value as string[]) : undefined;
}

/** A PlaygroundInput, or undefined when any field is missing, of the wrong type or too large. */
export function parseInput(value: unknown): PlaygroundInput | undefined {
  if (!isRecord(value)) return undefined;
  const system = text(value.system);
  const user = text(value.user);
  if (system === undefined || user === undefined) return undefined;
  if (!Array.isArray(value.history) || value.history.length > LIMITS.history) return undefined;
  const history = value.history.map(turn);
  if (history.some((t) => t === undefined)) return undefined;
  const vars = variables(value.variables);
  if (!vars) return undefined;
  if (!Array.isArray(value.models) || value.models.length > LIMITS.models) return undefined;
  const models = value.models.map(modelId);
  if (models.some((m) => m === undefined)) return undefined;
  const switches = steps(value.steps);
  if (!switches) return undefined;
  return { system, user, history: history as HistoryTurn[], variables: vars, models: [...new Set(models as string[])], steps: switches };
}

/** A request from the playground page, or undefined when it is not one (unknown type, bad fields). */
export function parsePlaygroundRequest(value: unknown): PlaygroundRequest | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'cancel':
    case 'refreshLedger':
    case 'exportCsv':
    case 'setKey':
    case 'cancelBatch':
      return { type: value.type };
    case 'preview':
    case 'run': {
      const input = parseInput(value.input);
      return input ? { type: value.type, input } : undefined;
    }
    case 'apply': {
      const input = parseInput(value.input);
      const model = modelId(value.model);
      return input && model ? { type: 'apply', input, model } : undefined;
    }
    case 'batch': {
      const input = parseInput(value.input);
      const rows = batchRows(value.rows);
      return input && rows && input.models.length > 0 ? { type: 'batch', input, rows } : undefined;
    }
    default:
      return undefined;
  }
}

/** A request from the report page: a relative path without `..` and positive line and column. */
export function parseReportRequest(value: unknown): ReportRequest | undefined {
  if (!isRecord(value) || value.type !== 'open') return undefined;
  const { path, line, column } = value;
  if (typeof path !== 'string' || path === '' || path.length > 4096 || path.split(/[\\/]/).includes('..')) return undefined;
  const positive = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;
  if (!positive(line) || !positive(column)) return undefined;
  return { type: 'open', path, line, column };
}

/**
 * An event from the extension, checked by the page on arrival: only the type tag and the fields
 * the page reads first are checked; the extension is the trusted side.
 */
export function parsePlaygroundEvent(value: unknown): PlaygroundEvent | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') return undefined;
  switch (value.type) {
    case 'load':
      return parseInput(value.input) && Array.isArray(value.suggestions) ? (value as PlaygroundEvent) : undefined;
    case 'preview':
      return Array.isArray(value.previews) ? (value as PlaygroundEvent) : undefined;
    case 'runStarted':
      return typeof value.runId === 'number' && Array.isArray(value.models) ? (value as PlaygroundEvent) : undefined;
    case 'chunk':
      return typeof value.runId === 'number' && typeof value.model === 'string' && typeof value.text === 'string' ? (value as PlaygroundEvent) : undefined;
    case 'runDone':
      return typeof value.runId === 'number' && typeof value.model === 'string' && isRecord(value.result) ? (value as PlaygroundEvent) : undefined;
    case 'runFailed':
      return typeof value.runId === 'number' && typeof value.model === 'string' && typeof value.message === 'string' ? (value as PlaygroundEvent) : undefined;
    case 'ledger':
      return isRecord(value.ledger) ? (value as PlaygroundEvent) : undefined;
    case 'notice':
      return (value.level === 'info' || value.level === 'error') && typeof value.message === 'string' ? (value as PlaygroundEvent) : undefined;
    case 'batchStarted':
      return typeof value.batchRun === 'number' && typeof value.model === 'string' && typeof value.total === 'number' ? (value as PlaygroundEvent) : undefined;
    case 'batchStatus':
      return typeof value.batchRun === 'number' && typeof value.message === 'string' ? (value as PlaygroundEvent) : undefined;
    case 'batchRow':
      return typeof value.batchRun === 'number' && isRecord(value.row) && typeof value.row.index === 'number' ? (value as PlaygroundEvent) : undefined;
    case 'batchDone':
      return typeof value.batchRun === 'number' && isRecord(value.totals) ? (value as PlaygroundEvent) : undefined;
    case 'batchFailed':
    case 'batchCancelled':
      return typeof value.batchRun === 'number' && typeof value.message === 'string' && isRecord(value.totals) ? (value as PlaygroundEvent) : undefined;
    default:
      return undefined;
  }
}
