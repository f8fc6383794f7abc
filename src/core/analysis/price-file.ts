import { costOf, type Catalog, type ModelInfo } from '../catalog';
import { monthlyVolume, type PromptCostConfig } from '../config';
import type { CallApi, CallSite, FileAnalysis, PromptSite } from '../extract/model';
import { chatOverhead } from '../tokens/chat';
import { countTokens } from '../tokens/count';
import type { CostFigures, FileCosts, PricedCall, PricedPrompt, TokenFigure } from './model';

export interface PricingContext {
  /** Path relative to the workspace root (the folder of .promptcost.yaml), for volume globs. */
  relativePath: string;
  config: PromptCostConfig;
  catalog: Catalog;
  /** Price every prompt and call at this model instead of its own (`scan --model`). */
  modelOverride?: string;
}

/** APIs that wrap each prompt in a chat message, so per-message overhead applies. */
const CHAT_APIS: ReadonlySet<CallApi> = new Set(['openai.chat', 'openai.responses', 'anthropic.messages', 'google.generateContent', 'litellm', 'vercel-ai', 'langchain', 'llamaindex', 'http']);

/** The text that will be billed: interpolations and template slots are unknown, so they count as zero. */
export function countableText(site: PromptSite): string {
  let text = site.text;
  for (const name of site.placeholders) text = text.split(`{${name}}`).join('').split(`{{${name}}}`).join('');
  return text;
}

function tokenFigure(text: string, model: ModelInfo): TokenFigure {
  const count = countTokens(text, model.tokenizer);
  return { tokens: count.tokens, estimate: count.estimate, source: count.factorSource ?? null };
}

function figures(model: ModelInfo, inputTokens: number, outputTokens: number, monthlyCalls: number): CostFigures {
  const { input: inputUsd, output: outputUsd } = costOf(model, { inputTokens, outputTokens });
  const perCallUsd = inputUsd + outputUsd;
  return {
    inputTokens,
    outputTokens,
    inputUsd,
    outputUsd,
    perCallUsd,
    per1kCallsUsd: perCallUsd * 1000,
    monthlyCalls,
    perMonthUsd: perCallUsd * monthlyCalls,
  };
}

interface ModelChoice {
  model: ModelInfo | undefined;
  /** The string as written when it resolves to nothing. */
  unknown: string | null;
}

function chooseModel(call: CallSite | null, ctx: PricingContext): ModelChoice {
  const written = ctx.modelOverride ?? call?.model ?? ctx.config.defaultModel;
  const model = ctx.catalog.resolve(written);
  return { model, unknown: model ? null : written };
}

/**
 * Prices what the extractor found in one file: tokens per prompt with the tokenizer of the model
 * it is sent to, the input cost of each prompt, and the full cost of each call (its prompts,
 * per-message overhead and the expected output) per call, per 1,000 calls and per month.
 */
export function priceFile(analysis: FileAnalysis, ctx: PricingContext): FileCosts {
  const monthlyCalls = monthlyVolume(ctx.config, ctx.relativePath);
  const choices = analysis.calls.map((call) => chooseModel(call, ctx));
  const fallback = chooseModel(null, ctx);

  const prompts: PricedPrompt[] = analysis.prompts.map((site) => {
    const { model, unknown } = site.callIndex === null ? fallback : choices[site.callIndex];
    if (!model) return { site, tokens: { tokens: 0, estimate: true, source: null }, modelId: null, unknownModel: unknown, cost: null };
    const tokens = tokenFigure(countableText(site), model);
    return { site, tokens, modelId: model.id, unknownModel: null, cost: figures(model, tokens.tokens, 0, monthlyCalls) };
  });

  const calls: PricedCall[] = analysis.calls.map((site, index) => {
    const { model, unknown } = choices[index];
    const promptIndexes = prompts.flatMap((p, i) => (p.site.callIndex === index ? [i] : []));
    const bound = site.outputBound?.value ?? null;
    const outputTokens = bound ?? ctx.config.expectedOutputTokens;
    if (!model) {
      return { site, modelId: null, unknownModel: unknown, promptIndexes, inputTokens: { tokens: 0, estimate: true, source: null }, outputTokens, outputFromBound: bound !== null, cost: null, contextWindow: null };
    }
    let tokens = 0;
    let estimate = false;
    let source: string | null = null;
    for (const i of promptIndexes) {
      tokens += prompts[i].tokens.tokens;
      estimate ||= prompts[i].tokens.estimate;
      source ??= prompts[i].tokens.source;
    }
    if (CHAT_APIS.has(site.api) && promptIndexes.length > 0) {
      tokens += chatOverhead(promptIndexes.map(() => ({})), model.tokenizer);
    }
    return {
      site,
      modelId: model.id,
      unknownModel: null,
      promptIndexes,
      inputTokens: { tokens, estimate, source },
      outputTokens,
      outputFromBound: bound !== null,
      cost: figures(model, tokens, outputTokens, monthlyCalls),
      contextWindow: model.contextWindow ?? null,
    };
  });

  return { path: ctx.relativePath, language: analysis.language, analysis, prompts, calls, notices: analysis.notices };
}
