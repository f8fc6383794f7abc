/**
 * What the panel shows, computed from the pipeline's reports: the before-run table (tokens and
 * dollars before and after each step, per model), a finished run, and the ledger summary. Pure;
 * no vscode, so it is unit tested as is.
 */
import type { Catalog, ModelInfo } from '../../core/catalog';
import { countChatTokens } from '../../core/tokens';
import type { LedgerRecord, LedgerSummary, Totals } from '../../runtime/ledger';
import { priceUsage } from '../../runtime/optimizer/cost';
import type { PreparedCall, RunResult } from '../../runtime/optimizer/types';
import type { ChatMessage } from '../../runtime/providers/types';
import type { LedgerTotalsView, LedgerView, RunSummary, StepRow } from '../../shared/webview-messages';

/** Longest answer kept for a finished run's summary; the stream itself is never held whole. */
export const MAX_ANSWER_CHARS = 100_000;

export interface PreviewInput {
  catalog: Catalog;
  /** The model asked for, and the messages as written (variables filled in). */
  requestedModel: string;
  messages: readonly ChatMessage[];
  prepared: PreparedCall;
  /** Output assumed for a call with no bound (the configuration's expectedOutputTokens). */
  expectedOutputTokens: number;
  /** The bound the request itself sets, if any. */
  requestBound?: number;
}

const STEP_LABEL: Record<string, string> = { trim: 'context trimming', compress: 'compression', route: 'routing', length: 'output length' };

function costAt(info: ModelInfo | undefined, inputTokens: number, outputTokens: number): number | null {
  return priceUsage(info, { inputTokens, outputTokens, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reported: false });
}

function tokensAt(catalog: Catalog, model: string, messages: readonly ChatMessage[]) {
  return countChatTokens(messages, catalog.resolve(model)?.tokenizer ?? 'o200k_base');
}

/**
 * One row for the request as written, then one per step of steps 1 to 4: the input tokens after
 * the step (recounted with the routed model's tokenizer once routing has run), the model the
 * request would reach, and the dollars of one call with the expected output.
 */
export function previewRows(input: PreviewInput): StepRow[] {
  const { catalog, prepared } = input;
  const unbounded = input.requestBound ?? input.expectedOutputTokens;
  let model = input.requestedModel;
  let output = unbounded;
  const original = tokensAt(catalog, model, input.messages);
  let tokens = original.tokens;
  let estimate = original.estimate;
  let cost = costAt(catalog.resolve(model), tokens, output);
  const rows: StepRow[] = [{ step: 'as written', detail: `${input.messages.length} message${input.messages.length === 1 ? '' : 's'}, ${output} output tokens expected`, model, inputTokens: tokens, estimate, costUsd: cost, savedUsd: null }];
  for (const step of prepared.steps) {
    if (!(step.step in STEP_LABEL)) continue;
    if (step.step === 'route') {
      model = prepared.chain[0] ?? model;
      const recount = tokensAt(catalog, model, prepared.messages);
      tokens = recount.tokens - prepared.instructionTokens;
      estimate = recount.estimate;
    } else if (step.step === 'length') {
      output = Math.min(unbounded, prepared.maxOutputTokens ?? unbounded);
      tokens += prepared.instructionTokens;
    } else if (step.tokensAfter !== undefined) {
      tokens = step.tokensAfter;
    }
    const next = costAt(catalog.resolve(model), tokens, output);
    rows.push({
      step: STEP_LABEL[step.step],
      detail: step.detail,
      model,
      inputTokens: tokens,
      estimate,
      costUsd: next,
      savedUsd: next !== null && cost !== null ? cost - next : null,
    });
    cost = next;
  }
  return rows;
}

/** A finished run as the panel shows it; the answer is cut at MAX_ANSWER_CHARS. */
export function runSummary(result: RunResult): RunSummary {
  const truncated = result.text.length > MAX_ANSWER_CHARS;
  return {
    model: result.model,
    requestedModel: result.requestedModel,
    provider: result.provider,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
    cachedInputTokens: result.usage.cachedInputTokens,
    reportedUsage: result.usage.reported,
    costUsd: result.costUsd,
    latencyMs: result.latencyMs,
    cached: result.cached,
    routeWhy: result.routeWhy,
    fallback: result.fallback,
    finishReason: result.finishReason,
    text: truncated ? result.text.slice(0, MAX_ANSWER_CHARS) : result.text,
    truncated,
  };
}

function totalsView(t: Totals): LedgerTotalsView {
  return { calls: t.calls, costUsd: t.costUsd, cacheHits: t.cacheHits, inputTokens: t.inputTokens, outputTokens: t.outputTokens };
}

/** Local calendar day of a record, YYYY-MM-DD. */
function dayOf(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

/** The ledger summary plus the spend of each of the last `days` days (oldest first), for the chart. */
export function ledgerView(summary: LedgerSummary, records: readonly LedgerRecord[], now: Date, days = 30): LedgerView {
  const daily = new Map<string, number>();
  for (let i = days - 1; i >= 0; i--) daily.set(dayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - i)), 0);
  for (const record of records) {
    const day = dayOf(new Date(record.time));
    if (daily.has(day) && record.costUsd !== null) daily.set(day, (daily.get(day) ?? 0) + record.costUsd);
  }
  return {
    today: totalsView(summary.today),
    month: totalsView(summary.month),
    byModel: summary.byModel.map((g) => ({ name: g.name, ...totalsView(g) })),
    byProvider: summary.byProvider.map((g) => ({ name: g.name, ...totalsView(g) })),
    savings: summary.savings,
    daily: [...daily].map(([day, costUsd]) => ({ day, costUsd })),
    records: summary.all.calls,
  };
}
