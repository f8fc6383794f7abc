import { MarkupKind, type Hover, type Range } from 'vscode-languageserver';
import type { CostFigures, FileCosts, LinkedPrompt, PricedCall, PricedPrompt } from '../core/analysis/model';
import { formatPerMillion, formatShare, formatTokens, formatUsd } from '../core/analysis/format';
import { priceFile, type PricingContext } from '../core/analysis/price-file';
import type { Catalog, ModelInfo } from '../core/catalog';
import { CATALOG_SOURCE } from '../core/catalog/genai-prices';
import type { PromptCostConfig } from '../core/config';
import type { FileAnalysis, TextSpan } from '../core/extract';
import { rangeOf, type PositionAt } from './diagnostics';

export interface HoverContext {
  costs: FileCosts;
  config: PromptCostConfig;
  catalog: Catalog;
  relativePath: string;
  positionAt: PositionAt;
  /** The model the routing table suggests for a prompt, when routing is configured and has one. */
  suggestModel?(prompt: PricedPrompt, call: PricedCall | null): string | null;
  /** Finds prompts other files define, so a call re-priced at another model keeps its imported prompts. */
  linkPrompt?: PricingContext['linkPrompt'];
}

const within = (span: TextSpan, offset: number) => span.start <= offset && offset <= span.end;

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function catalogFooter(catalog: Catalog): string {
  return `_Prices: ${CATALOG_SOURCE.package} ${CATALOG_SOURCE.version}, catalog of ${catalog.catalogDate}. ≈ marks estimated token counts._`;
}

/** One row of the comparison: a model and what the call (or prompt) costs with it. */
interface Row {
  label: string;
  model: ModelInfo;
  inputTokens: number;
  estimate: boolean;
  outputTokens: number;
  outputNote: string;
  cost: CostFigures;
}

/**
 * The call (or lone prompt) priced again at another model: the extraction narrowed to it and
 * handed to the same pricing as everything else, so hover figures match lenses and the CLI.
 */
function priceAt(ctx: HoverContext, prompt: PricedPrompt, call: PricedCall | null, modelId: string): Row | null {
  const model = ctx.catalog.resolve(modelId);
  if (!model) return null;
  const promptIndexes = call ? call.promptIndexes : [ctx.costs.prompts.indexOf(prompt)];
  // A wrapper's call already lists the wrapped call's prompts; its imported names come along.
  const wrapped = call?.site.relayOf !== undefined ? ctx.costs.analysis.calls[call.site.relayOf] : null;
  const site = call && { ...call.site, relayOf: undefined, promptRefs: [...(wrapped?.promptRefs ?? []), ...(call.site.promptRefs ?? [])] };
  const narrowed: FileAnalysis = {
    language: ctx.costs.language,
    prompts: promptIndexes.map((i) => ({ ...ctx.costs.prompts[i].site, callIndex: call ? 0 : null })),
    calls: site ? [site] : [],
    notices: [],
  };
  const priced = priceFile(narrowed, { relativePath: ctx.relativePath, config: ctx.config, catalog: ctx.catalog, modelOverride: model.id, linkPrompt: ctx.linkPrompt });
  const target = call ? priced.calls[0] : priced.prompts[0];
  if (!target?.cost) return null;
  const tokens = 'inputTokens' in target ? target.inputTokens : target.tokens;
  return {
    label: model.id,
    model,
    inputTokens: tokens.tokens,
    estimate: tokens.estimate,
    outputTokens: target.cost.outputTokens,
    outputNote: call ? (call.outputFromBound ? `(${call.site.outputBound?.parameter ?? 'bound'})` : '(expected)') : '',
    cost: target.cost,
  };
}

function rowLine(row: Row, role: string): string {
  const share = row.model.contextWindow ? formatShare(row.inputTokens + row.outputTokens, row.model.contextWindow) : '—';
  const cached = row.model.cachedInput !== null ? `${formatPerMillion(row.model.cachedInput)}/1M` : '—';
  return `| ${escapeCell(row.label)} ${role} | ${formatTokens(row.inputTokens, row.estimate)} | ${formatTokens(row.outputTokens)} ${row.outputNote} | ${formatUsd(row.cost.perCallUsd)} | ${formatUsd(row.cost.per1kCallsUsd)} | ${formatUsd(row.cost.perMonthUsd)} | ${share} | ${cached} |`;
}

function promptHover(ctx: HoverContext, prompt: PricedPrompt, range: Range): Hover {
  const call = prompt.site.callIndex !== null ? ctx.costs.calls[prompt.site.callIndex] ?? null : null;
  const lines: string[] = [];
  const name = prompt.site.name ? ` \`${prompt.site.name}\`` : '';
  lines.push(`**PromptCost** · ${prompt.site.role} prompt${name}`);
  lines.push('');
  if (prompt.cost) {
    const estimate = prompt.tokens.estimate ? ` (estimate${prompt.tokens.source ? `: ${prompt.tokens.source}` : ''})` : '';
    lines.push(`**${formatTokens(prompt.tokens.tokens, prompt.tokens.estimate)} tokens**${estimate}`);
  } else {
    lines.push(`Model \`${prompt.unknownModel ?? '?'}\` is not in the catalog: tokens and dollars cannot be counted. Add it under \`models:\` in .promptcost.yaml.`);
  }
  if (prompt.site.placeholders.length > 0) {
    lines.push('');
    lines.push(`Not counted (filled at run time, counted as 0 tokens): ${prompt.site.placeholders.map((p) => `\`{${p}}\``).join(', ')}`);
  }
  const rows: string[] = [];
  const seen = new Set<string>();
  const add = (modelId: string | null, role: string) => {
    if (!modelId) return;
    const row = priceAt(ctx, prompt, call, modelId);
    if (!row || seen.has(row.model.id)) return;
    seen.add(row.model.id);
    rows.push(rowLine(row, role));
  };
  const current = call?.modelId ?? prompt.modelId;
  add(current, call ? '(call)' : '(default)');
  add(ctx.suggestModel?.(prompt, call) ?? null, '(routing)');
  for (const model of ctx.config.compareModels) add(model, '');
  if (rows.length > 0) {
    lines.push('');
    lines.push(call ? 'The whole call, per model:' : 'This prompt alone (no LLM call found for it in this file), input only:');
    lines.push('');
    lines.push('| model | input tokens | output tokens | $/call | $/1k calls | $/month | context window | cached input |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    lines.push(...rows);
    const calls = (call?.cost ?? prompt.cost)?.monthlyCalls;
    if (calls !== undefined) lines.push('', `Monthly figures at ${formatTokens(calls)} calls/month.`);
    if (call && call.relayedBy.length > 0) {
      const at = call.relayedBy.map((i) => ctx.positionAt(ctx.costs.calls[i].site.span.start).line + 1);
      lines.push('', `This call runs through ${at.length} call${at.length === 1 ? '' : 's'} of its function (line${at.length === 1 ? '' : 's'} ${at.join(', ')}), each priced with the text it passes; the monthly total counts them, not this call.`);
    }
  }
  lines.push('', catalogFooter(ctx.catalog));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}

function modelHover(ctx: HoverContext, written: string, range: Range): Hover {
  const model = ctx.catalog.resolve(written);
  const lines: string[] = [];
  if (!model) {
    lines.push(`**PromptCost** · \`${written}\` is not in the price catalog.`, '', 'Add it under `models:` in .promptcost.yaml with its prices per 1M tokens to see costs.');
  } else {
    lines.push(`**PromptCost** · **${model.id}** (${model.name})`, '');
    lines.push('| per 1M tokens | price |', '|---|---:|');
    lines.push(`| input | ${formatPerMillion(model.input)} |`);
    lines.push(`| output | ${formatPerMillion(model.output)} |`);
    lines.push(`| cached input | ${formatPerMillion(model.cachedInput)} |`);
    lines.push(`| batch input / output | ${formatPerMillion(model.batchInput)} / ${formatPerMillion(model.batchOutput)} |`);
    lines.push('');
    lines.push(`Context window: ${model.contextWindow ? `${formatTokens(model.contextWindow)} tokens` : 'unknown'} · tokenizer \`${model.tokenizer}\``);
    const cheaper = ctx.catalog.cheapestComparable(model, 3);
    if (cheaper.length > 0) {
      lines.push('', 'Cheapest comparable models:', '', '| model | input /1M | output /1M | context window |', '|---|---:|---:|---:|');
      for (const other of cheaper) {
        lines.push(`| ${escapeCell(other.id)} | ${formatPerMillion(other.input)} | ${formatPerMillion(other.output)} | ${other.contextWindow ? formatTokens(other.contextWindow) : '—'} |`);
      }
    }
  }
  lines.push('', catalogFooter(ctx.catalog));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}

/** An imported prompt name at a call: the prompt the other file defines, and what the call costs with it. */
function linkedHover(ctx: HoverContext, call: PricedCall, linked: LinkedPrompt, range: Range): Hover {
  const lines = [
    `**PromptCost** · ${linked.site.role} prompt \`${linked.site.name ?? linked.ref.name}\` from \`${linked.path}\``,
    '',
    `**${formatTokens(linked.tokens.tokens, linked.tokens.estimate)} tokens** at ${call.modelId ?? 'the default model'}`,
  ];
  if (linked.site.placeholders.length > 0) {
    lines.push('', `Not counted (filled at run time): ${linked.site.placeholders.map((p) => `\`{${p}}\``).join(', ')}`);
  }
  if (call.cost) {
    lines.push(
      '',
      `The whole call: ${formatTokens(call.inputTokens.tokens, call.inputTokens.estimate)} input tokens · ${formatUsd(call.cost.perCallUsd)}/call · ` +
        `${formatUsd(call.cost.per1kCallsUsd)}/1k calls · ${formatUsd(call.cost.perMonthUsd)}/month`,
    );
  }
  lines.push('', catalogFooter(ctx.catalog));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}

/** The hover at an offset: a model string of a call, an imported prompt name, else a prompt, else nothing. */
export function hoverAt(ctx: HoverContext, offset: number): Hover | null {
  for (const call of ctx.costs.calls) {
    const span = call.site.modelSpan;
    if (span && within(span, offset) && call.site.model) return modelHover(ctx, call.site.model, rangeOf(span, ctx.positionAt));
    const linked = call.linkedPrompts.find((l) => within(l.ref.span, offset));
    if (linked) return linkedHover(ctx, call, linked, rangeOf(linked.ref.span, ctx.positionAt));
  }
  for (const prompt of ctx.costs.prompts) {
    if (within(prompt.site.span, offset)) return promptHover(ctx, prompt, rangeOf(prompt.site.span, ctx.positionAt));
  }
  return null;
}
