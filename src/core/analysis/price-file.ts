import { costOf, type Catalog, type ModelInfo } from '../catalog';
import { monthlyVolume, type PromptCostConfig } from '../config';
import type { CallApi, CallSite, FileAnalysis, PromptRef, PromptSite } from '../extract/model';
import { chatOverhead } from '../tokens/chat';
import { countTokens } from '../tokens/count';
import type { CostFigures, FileCosts, LinkedPrompt, PricedCall, PricedPrompt, TokenFigure } from './model';
import type { LinkedPromptSource } from './prompt-index';

export interface PricingContext {
  /** Path relative to the workspace root (the folder of .promptcost.yaml), for volume globs. */
  relativePath: string;
  config: PromptCostConfig;
  catalog: Catalog;
  /** Price every prompt and call at this model instead of its own (`scan --model`). */
  modelOverride?: string;
  /** Finds the prompt an imported name refers to in another file of the workspace. */
  linkPrompt?: (ref: PromptRef) => LinkedPromptSource | null;
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

/** The prompts of other files that the call's imported names refer to, counted with the call's model. */
function linkedPromptsOf(site: CallSite, model: ModelInfo, ctx: PricingContext): LinkedPrompt[] {
  if (!ctx.linkPrompt || !site.promptRefs) return [];
  const linked: LinkedPrompt[] = [];
  for (const ref of site.promptRefs) {
    const found = ctx.linkPrompt(ref);
    if (found) linked.push({ ref, path: found.path, site: found.site, tokens: tokenFigure(countableText(found.site), model) });
  }
  return linked;
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

  // Which prompts reach each call, and which wrapper calls send through it: one pass each.
  const reaching: number[][] = analysis.calls.map(() => []);
  prompts.forEach((p, i) => {
    if (p.site.callIndex !== null) reaching[p.site.callIndex]?.push(i);
  });
  const relaying: number[][] = analysis.calls.map(() => []);
  analysis.calls.forEach((c, i) => {
    if (c.relayOf !== undefined) relaying[c.relayOf]?.push(i);
  });
  const calls: PricedCall[] = analysis.calls.map((site, index) => {
    const { model, unknown } = choices[index];
    // A wrapper's call sends what the wrapped call always sends, and its own arguments.
    const wrapped = site.relayOf !== undefined ? analysis.calls[site.relayOf] : null;
    const promptIndexes = [...(site.relayOf !== undefined ? reaching[site.relayOf] : []), ...reaching[index]];
    const relayedBy = relaying[index];
    const bound = site.outputBound?.value ?? null;
    const outputTokens = bound ?? ctx.config.expectedOutputTokens;
    if (!model) {
      return { site, modelId: null, unknownModel: unknown, promptIndexes, relayedBy, linkedPrompts: [], inputTokens: { tokens: 0, estimate: true, source: null }, outputTokens, outputFromBound: bound !== null, cost: null, contextWindow: null };
    }
    const linkedPrompts = [...(wrapped ? linkedPromptsOf(wrapped, model, ctx) : []), ...linkedPromptsOf(site, model, ctx)];
    // Counted with this call's model: a wrapper called with another model tokenizes the same text differently.
    const parts = [...promptIndexes.map((i) => (prompts[i].modelId === model.id ? prompts[i].tokens : tokenFigure(countableText(prompts[i].site), model))), ...linkedPrompts.map((p) => p.tokens)];
    let tokens = parts.reduce((sum, f) => sum + f.tokens, 0);
    const estimate = parts.some((f) => f.estimate);
    const source = parts.find((f) => f.source !== null)?.source ?? null;
    if (CHAT_APIS.has(site.api) && parts.length > 0) {
      tokens += chatOverhead(parts.map(() => ({})), model.tokenizer);
    }
    return {
      site,
      modelId: model.id,
      unknownModel: null,
      promptIndexes,
      relayedBy,
      linkedPrompts,
      inputTokens: { tokens, estimate, source },
      outputTokens,
      outputFromBound: bound !== null,
      // A call that runs through wrappers is counted at their calls, once each.
      cost: figures(model, tokens, outputTokens, relayedBy.length > 0 ? 0 : monthlyCalls),
      contextWindow: model.contextWindow ?? null,
    };
  });

  return { path: ctx.relativePath, language: analysis.language, analysis, prompts, calls, notices: analysis.notices };
}
