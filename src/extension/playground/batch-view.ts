/**
 * Batch mode's pure half: turning the rows the page sends into one playground input per request,
 * and a batch result into the row and the running totals the page shows. No vscode; unit tested.
 */
import type { ModelInfo } from '../../core/catalog';
import type { BatchItemResult } from '../../runtime/optimizer/batch';
import { priceUsage } from '../../runtime/optimizer/cost';
import type { BatchRowView, BatchTotalsView, PlaygroundInput } from '../../shared/webview-messages';
import { fillVariables, placeholders } from './variables';

/** Longest answer (and user message) a batch row shows; a batch holds up to 1,000 rows. */
export const MAX_BATCH_TEXT = 20_000;

/**
 * One input per row. A row written as a JSON object gives values for placeholders (merged over
 * the form's values); otherwise the row is the user message when the prompt has no placeholder,
 * or the value of its only placeholder. Returns the reason as a string when a row cannot be read.
 */
export function batchInputs(input: PlaygroundInput, rows: readonly string[]): PlaygroundInput[] | string {
  const names = placeholders(`${input.system}\n${input.user}`);
  const out: PlaygroundInput[] = [];
  for (const [i, row] of rows.entries()) {
    const where = `Batch row ${i + 1}`;
    const trimmed = row.trim();
    if (trimmed.startsWith('{')) {
      const values = jsonValues(trimmed);
      if (typeof values === 'string') return `${where}: ${values}`;
      const unknown = Object.keys(values).filter((name) => !names.includes(name));
      if (unknown.length > 0) return `${where}: the prompt has no placeholder ${unknown.map((n) => `{${n}}`).join(', ')}.`;
      out.push({ ...input, variables: { ...input.variables, ...values } });
    } else if (names.length === 0) {
      out.push({ ...input, user: row });
    } else if (names.length === 1) {
      out.push({ ...input, variables: { ...input.variables, [names[0]]: row } });
    } else {
      return `${where}: the prompt has the placeholders ${names.map((n) => `{${n}}`).join(', ')}; write each row as a JSON object of their values.`;
    }
  }
  return out;
}

function jsonValues(text: string): Record<string, string> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'a JSON row must be an object of placeholder values.';
  const entries = Object.entries(parsed);
  const bad = entries.find(([, value]) => typeof value !== 'string' && typeof value !== 'number');
  if (bad) return `the value of ${bad[0]} must be a string or a number.`;
  return Object.fromEntries(entries.map(([name, value]) => [name, String(value)]));
}

/** The user message a row sends (variables filled in). */
export function rowUserText(input: PlaygroundInput): string {
  return fillVariables(input.user, input.variables);
}

const cut = (text: string) => (text.length > MAX_BATCH_TEXT ? text.slice(0, MAX_BATCH_TEXT) : text);

/** A batch result as the page shows it: the batch-rate cost, and the list-rate cost it is compared with. */
export function batchRowView(index: number, user: string, result: BatchItemResult, info: ModelInfo | undefined): BatchRowView {
  const usage = result.usage;
  return {
    index,
    user: cut(user),
    model: result.model,
    text: result.text === undefined ? undefined : cut(result.text),
    truncated: (result.text?.length ?? 0) > MAX_BATCH_TEXT,
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    costUsd: result.costUsd,
    listCostUsd: usage && !result.cached ? priceUsage(info, usage, false) : null,
    cached: result.cached,
    error: result.error,
  };
}

export function emptyTotals(): BatchTotalsView {
  return { rows: 0, failed: 0, cached: 0, costUsd: 0, listCostUsd: 0, savedUsd: 0 };
}

/** The totals with one more row: only priced rows count towards the dollars and the saving. */
export function addRow(totals: BatchTotalsView, row: BatchRowView): BatchTotalsView {
  const priced = row.costUsd !== null && row.listCostUsd !== null;
  return {
    rows: totals.rows + 1,
    failed: totals.failed + (row.error ? 1 : 0),
    cached: totals.cached + (row.cached ? 1 : 0),
    costUsd: totals.costUsd + (row.costUsd ?? 0),
    listCostUsd: totals.listCostUsd + (priced ? (row.listCostUsd ?? 0) : 0),
    savedUsd: totals.savedUsd + (priced ? (row.listCostUsd ?? 0) - (row.costUsd ?? 0) : 0),
  };
}
