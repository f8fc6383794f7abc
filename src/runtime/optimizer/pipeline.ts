/**
 * The optimizer pipeline that the playground, `promptcost run` and `promptcost batch` share:
 * 1 trim context, 2 compress, 3 route (with fallback), 4 bound the output, 5 look in the cache,
 * 6 call. Each step can be switched off and reports what it did and saved. Every call made, and
 * every answer served from the cache, goes to the ledger with the usage the provider reported.
 * The pipeline keeps no state between runs: nothing grows with the number of calls.
 */
import type { Catalog, ModelInfo } from '../../core/catalog';
import type { CompiledRule } from '../../core/route';
import { countChatTokens, countTokens, type TokenizerFamily } from '../../core/tokens';
import type { CachedAnswer, ResponseCache } from '../cache/types';
import { noSavings, type LedgerRecord } from '../ledger/record';
import type { CallOptions } from '../providers/call';
import { ProviderError } from '../providers/errors';
import type { CallableModel, ModelResolver } from '../providers/registry';
import type { ChatMessage, ChatResult, TokenUsage } from '../providers/types';
import { answerKey, requestKey } from './answer-key';
import { compressMessages } from './compress-step';
import { answerRecord, failureRecord, type CallFacts } from './ledger-entry';
import { blendedPrice, inputCost, priceUsage } from './cost';
import { withLengthInstruction } from './length-step';
import { planRoute } from './route-step';
import { extractiveSummary, splitTurns, summaryMessage, summaryRequest } from './trim-context';
import type { PipelineRequest, PipelineSettings, PreparedCall, RunResult, StepReport } from './types';

/** Where ledger records go: the file writer, or anything else that takes whole records. */
export interface LedgerSink {
  append(record: LedgerRecord): void;
}

export interface PipelineDeps {
  catalog: Catalog;
  models: ModelResolver;
  /** The compiled routing table (core/route's compileRoutingTable). */
  routing: readonly CompiledRule[];
  settings: PipelineSettings;
  cache?: ResponseCache;
  ledger?: LedgerSink;
  /** Retries, idle timeout and sleep for every call. */
  callOptions?: Omit<CallOptions, 'signal' | 'onText'>;
  now?: () => number;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Streamed text of the answer; cache hits arrive as one piece. */
  onText?: (text: string) => void;
}

/** Bound of the summary a model writes for the trimming step. */
const SUMMARY_MAX_TOKENS = 200;

export class Pipeline {
  private readonly now: () => number;
  /** The settings and routing table, for request keys: changing either changes every key. */
  private readonly fingerprint: string;

  constructor(private readonly deps: PipelineDeps) {
    this.now = deps.now ?? Date.now;
    this.fingerprint = JSON.stringify([deps.settings, deps.routing.map((rule) => [rule.when, rule.model])]);
  }

  /** Steps 1 to 4 without any call: the trimming summary is extractive. For previews. */
  plan(request: PipelineRequest): Promise<PreparedCall> {
    return this.prepare(request, { summarize: false });
  }

  async run(request: PipelineRequest, options: RunOptions = {}): Promise<RunResult> {
    const started = this.now();
    const { cache, settings } = this.deps;
    const seenKey = settings.cache.enabled && cache ? requestKey(request, this.fingerprint) : undefined;
    const seen = seenKey && cache ? await cache.get(seenKey).catch(() => undefined) : undefined;
    if (seen) return this.answerSeen(request, seen, started, options);
    const prepared = await this.prepare(request, { summarize: true, signal: options.signal });
    const failures: Array<{ model: string; error: ProviderError }> = [];
    for (const modelId of prepared.chain) {
      const attempt = await this.answer(modelId, request, prepared, options, failures[0]);
      if (attempt.result) {
        if (seenKey && cache && !attempt.result.cached && !attempt.result.fallback) {
          await cache.set(seenKey, { text: attempt.result.text, usage: attempt.result.usage, finishReason: attempt.result.finishReason, model: attempt.result.model, costUsd: attempt.result.costUsd, createdAt: this.now() }).catch(() => undefined);
        }
        return { ...attempt.result, latencyMs: this.now() - started };
      }
      failures.push({ model: modelId, error: attempt.error });
      if (attempt.error.kind === 'cancelled' || attempt.streamed) break;
    }
    throw combine(failures);
  }

  /** A request answered before: served from the cache without running steps 1 to 4. */
  private answerSeen(request: PipelineRequest, seen: CachedAnswer, started: number, options: RunOptions): RunResult {
    options.onText?.(seen.text);
    const info = this.deps.catalog.resolve(seen.model);
    const saved = priceUsage(info, seen.usage) ?? seen.costUsd ?? 0;
    const provider = this.providerOf(seen.model);
    this.deps.ledger?.append(answerRecord(this.facts(request, seen.model, provider, started), { usage: seen.usage, costUsd: 0, cached: true, batch: false, savings: { ...noSavings(), cache: saved } }));
    return {
      text: seen.text,
      model: seen.model,
      provider,
      requestedModel: request.model,
      usage: seen.usage,
      costUsd: 0,
      cached: true,
      finishReason: seen.finishReason,
      latencyMs: this.now() - started,
      routeWhy: [],
      steps: [{ step: 'cache', applied: true, detail: 'hit: the same request was answered before (steps 1 to 4 skipped)', savedUsd: saved }],
      messages: request.messages,
      maxOutputTokens: request.maxOutputTokens,
    };
  }

  /** Steps 1 to 4: the messages to send, the models to try, the bound, and a report per step. */
  async prepare(request: PipelineRequest, how: { summarize: boolean; signal?: AbortSignal }): Promise<PreparedCall> {
    const { settings, catalog } = this.deps;
    const requested = catalog.resolve(request.model);
    const family: TokenizerFamily = requested?.tokenizer ?? 'o200k_base';
    const tokensOf = (messages: readonly ChatMessage[]) => countChatTokens(messages, family).tokens;
    const steps: StepReport[] = [];
    let messages = request.messages;

    let trimmedTokens = 0;
    if (settings.trim.enabled) {
      const split = splitTurns(messages, settings.trim.keepTurns);
      if (split.dropped.length === 0) {
        steps.push({ step: 'trim', applied: false, detail: `${split.kept.length} messages fit in the last ${settings.trim.keepTurns} exchanges`, savedUsd: 0 });
      } else {
        const wantModel = how.summarize && settings.trim.summarizer === 'model';
        const summary = wantModel ? await this.modelSummary(split.dropped, request, how.signal) : undefined;
        const trimmed = [...split.system, summaryMessage(summary?.text ?? extractiveSummary(split.dropped)), ...split.kept];
        const before = tokensOf(messages);
        const after = tokensOf(trimmed);
        trimmedTokens = before - after;
        const by = summary ? `a summary by ${summary.model}` : wantModel ? 'an extractive summary (no summary model could be called)' : 'an extractive summary';
        steps.push({ step: 'trim', applied: true, detail: `replaced ${split.dropped.length} older messages with ${by}; kept the last ${settings.trim.keepTurns} exchanges`, tokensBefore: before, tokensAfter: after, savedUsd: 0 });
        messages = trimmed;
      }
    } else steps.push(off('trim'));

    let compressedTokens = 0;
    if (settings.compress.enabled) {
      const result = compressMessages(messages, settings.compress.level);
      const before = tokensOf(messages);
      const after = tokensOf(result.messages);
      compressedTokens = before - after;
      steps.push({ step: 'compress', applied: result.edits > 0, detail: result.edits > 0 ? `${result.edits} edits (${settings.compress.level})` : 'nothing to compress', tokensBefore: before, tokensAfter: after, savedUsd: 0 });
      messages = result.messages;
    } else steps.push(off('compress'));

    let chain = [request.model];
    if (settings.route.enabled) {
      const provider = this.providerOf(request.model);
      const original = request.messages.filter((m) => m.role === 'system' || m === request.messages[request.messages.length - 1]);
      const plan = planRoute(this.deps.routing, {
        text: original.map((m) => m.content).join('\n\n'),
        tokens: tokensOf(messages),
        requestedModel: request.model,
        provider,
        allowLocal: settings.route.allowLocal,
        localModel: settings.route.localModel,
      });
      chain = plan.chain;
      const changed = chain[0] !== request.model;
      const fallbacks = chain.length > 1 ? `; fallback: ${chain.slice(1).join(', ')}` : '';
      steps.push({ step: 'route', applied: changed, detail: `${changed ? `routed to ${chain[0]}` : `kept ${request.model}`} (${plan.why.join('; ')})${fallbacks}`, savedUsd: 0 });
    } else steps.push(off('route'));

    let maxOutputTokens = request.maxOutputTokens;
    let instructionTokens = 0;
    if (settings.length.enabled) {
      const had = maxOutputTokens !== undefined;
      maxOutputTokens ??= settings.length.maxOutputTokens;
      const parts = [had ? `kept the call's bound of ${maxOutputTokens} tokens` : `bound set to ${maxOutputTokens} tokens`];
      if (settings.length.instruction) {
        const before = tokensOf(messages);
        messages = withLengthInstruction(messages, maxOutputTokens);
        instructionTokens = tokensOf(messages) - before;
        parts.push('length instruction added');
      }
      steps.push({ step: 'length', applied: !had || settings.length.instruction, detail: parts.join('; '), savedUsd: 0 });
    } else steps.push(off('length'));

    return { messages, chain, maxOutputTokens, steps, trimmedTokens, compressedTokens, instructionTokens };
  }

  /** Steps 5 and 6 for one model of the chain: the cache, else the call; one ledger record either way. */
  private async answer(
    modelId: string,
    request: PipelineRequest,
    prepared: PreparedCall,
    options: RunOptions,
    previous: { model: string; error: ProviderError } | undefined,
  ): Promise<{ result: Omit<RunResult, 'latencyMs'>; error?: undefined; streamed?: boolean } | { result?: undefined; error: ProviderError; streamed: boolean }> {
    const { settings, cache, catalog } = this.deps;
    const started = this.now();
    const fallback = previous ? { from: previous.model, reason: previous.error.message } : undefined;
    let model: CallableModel;
    try {
      model = await this.deps.models.open(modelId, request.api);
    } catch (error) {
      const failure = asProviderError(error, modelId);
      return { error: failure, streamed: false };
    }
    const info = model.ref.info ?? catalog.resolve(modelId);
    const requested = catalog.resolve(request.model);
    const key = answerKey(model.ref, prepared.messages, { maxOutputTokens: prepared.maxOutputTokens, temperature: request.temperature, api: request.api });
    const steps = prepared.steps.map((s) => ({ ...s }));
    const savings = noSavings();
    savings.trimming = inputCost(info, prepared.trimmedTokens);
    savings.compression = inputCost(info, prepared.compressedTokens) - inputCost(info, prepared.instructionTokens);
    setSaved(steps, 'trim', savings.trimming);
    setSaved(steps, 'compress', inputCost(info, prepared.compressedTokens));

    const hit = settings.cache.enabled && cache ? await this.lookup(cache, key, steps) : undefined;
    if (hit) {
      options.onText?.(hit.text);
      const wouldCost = priceUsage(info, hit.usage) ?? hit.costUsd ?? 0;
      savings.cache = wouldCost;
      setSaved(steps, 'cache', wouldCost);
      steps.push({ step: 'call', applied: false, detail: 'answered from the cache', savedUsd: 0 });
      const result: Omit<RunResult, 'latencyMs'> = {
        text: hit.text,
        model: modelId,
        provider: model.ref.provider,
        requestedModel: request.model,
        usage: hit.usage,
        costUsd: 0,
        cached: true,
        finishReason: hit.finishReason,
        fallback,
        routeWhy: routeWhy(steps),
        steps,
        messages: prepared.messages,
        maxOutputTokens: prepared.maxOutputTokens,
      };
      this.deps.ledger?.append(answerRecord(this.facts(request, result.model, result.provider, started, fallback), { usage: hit.usage, costUsd: 0, cached: true, batch: false, savings }));
      return { result };
    }

    let streamed = false;
    let chat: ChatResult;
    try {
      chat = await model.call(
        { messages: prepared.messages, maxOutputTokens: prepared.maxOutputTokens, temperature: request.temperature },
        {
          ...this.deps.callOptions,
          signal: options.signal,
          onText: options.onText
            ? (text) => {
                streamed = true;
                options.onText?.(text);
              }
            : undefined,
        },
      );
    } catch (error) {
      const failure = asProviderError(error, modelId);
      this.deps.ledger?.append(failureRecord(this.facts(request, modelId, model.ref.provider, started, fallback), failure));
      return { error: failure, streamed };
    }

    const usage = chat.usage.reported ? chat.usage : this.countUsage(prepared.messages, chat.text, info);
    const costUsd = priceUsage(info, usage);
    if (costUsd !== null && modelId !== request.model) {
      const atRequested = priceUsage(requested, usage);
      if (atRequested !== null) savings.routing = atRequested - costUsd;
    }
    setSaved(steps, 'route', savings.routing);
    steps.push({ step: 'call', applied: true, detail: `${modelId} answered${fallback ? ` in place of ${fallback.from}` : ''}`, savedUsd: 0 });
    if (settings.cache.enabled && cache) {
      await this.store(cache, key, { text: chat.text, usage, finishReason: chat.finishReason, model: modelId, costUsd, createdAt: this.now() }, steps);
    }
    const result: Omit<RunResult, 'latencyMs'> = {
      text: chat.text,
      model: modelId,
      provider: model.ref.provider,
      requestedModel: request.model,
      usage,
      costUsd,
      cached: false,
      finishReason: chat.finishReason,
      fallback,
      routeWhy: routeWhy(steps),
      steps,
      messages: prepared.messages,
      maxOutputTokens: prepared.maxOutputTokens,
    };
    this.deps.ledger?.append(answerRecord(this.facts(request, modelId, model.ref.provider, started, fallback), { usage, costUsd, cached: false, batch: false, savings }));
    return { result };
  }

  /** A cache lookup that never fails the run: a broken cache is reported as a miss. */
  private async lookup(cache: ResponseCache, key: string, steps: StepReport[]): Promise<CachedAnswer | undefined> {
    try {
      const hit = await cache.get(key);
      steps.push({ step: 'cache', applied: hit !== undefined, detail: hit ? 'hit' : 'miss', savedUsd: 0 });
      return hit;
    } catch (error) {
      steps.push({ step: 'cache', applied: false, detail: `cache unavailable: ${(error as Error).message}`, savedUsd: 0 });
      return undefined;
    }
  }

  private async store(cache: ResponseCache, key: string, answer: CachedAnswer, steps: StepReport[]): Promise<void> {
    try {
      await cache.set(key, answer);
    } catch (error) {
      const step = steps.find((s) => s.step === 'cache');
      if (step) step.detail = `${step.detail}; not stored: ${(error as Error).message}`;
    }
  }

  /**
   * The trimming step's summary from the cheapest allowed model that can be called, through the
   * cache. Undefined when none can be called; the caller falls back to an extractive summary.
   */
  private async modelSummary(dropped: ChatMessage[], request: PipelineRequest, signal?: AbortSignal): Promise<{ text: string; model: string } | undefined> {
    const { catalog, settings } = this.deps;
    const candidates = [...new Set([...settings.trim.summaryModels, request.model])]
      .map((id) => ({ id, info: catalog.resolve(id) }))
      .filter(({ info }) => settings.route.allowLocal || !info?.local)
      .sort((a, b) => blendedPrice(a.info) - blendedPrice(b.info));
    const messages = summaryRequest(dropped);
    for (const { id } of candidates) {
      // The summary skips steps 1 to 4: it must go to this model, as written.
      const prepared: PreparedCall = { messages, chain: [id], maxOutputTokens: SUMMARY_MAX_TOKENS, steps: [], trimmedTokens: 0, compressedTokens: 0, instructionTokens: 0 };
      const attempt = await this.answer(id, { model: id, messages, source: request.source, purpose: 'summary' }, prepared, { signal }, undefined);
      if (attempt.result) return { text: attempt.result.text.trim(), model: attempt.result.model };
      if (attempt.error.kind === 'cancelled') throw attempt.error;
    }
    return undefined;
  }

  private countUsage(messages: ChatMessage[], text: string, info: ModelInfo | undefined): TokenUsage {
    const family = info?.tokenizer ?? 'o200k_base';
    return { ...zeroUsage(), inputTokens: countChatTokens(messages, family).tokens, outputTokens: countTokens(text, family).tokens, reported: false };
  }

  private facts(request: PipelineRequest, model: string, provider: string, started: number, fallback?: { from: string; reason: string }): CallFacts {
    const time = this.now();
    return { time, request, model, provider, latencyMs: time - started, fallback };
  }

  private providerOf(modelId: string): string {
    try {
      return this.deps.models.parse(modelId).provider;
    } catch {
      return modelId.split('/')[0];
    }
  }
}

function off(step: StepReport['step']): StepReport {
  return { step, applied: false, detail: 'off', savedUsd: 0 };
}

function setSaved(steps: StepReport[], name: StepReport['step'], saved: number): void {
  const step = steps.find((s) => s.step === name);
  if (step) step.savedUsd = saved;
}

function routeWhy(steps: readonly StepReport[]): string[] {
  const route = steps.find((s) => s.step === 'route');
  return route && route.detail !== 'off' ? [route.detail] : [];
}

function zeroUsage(): TokenUsage {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reported: true };
}

function asProviderError(error: unknown, model: string): ProviderError {
  if (error instanceof ProviderError) return error;
  return new ProviderError('server', `The call to ${model} failed: ${(error as Error).message ?? String(error)}`, model.split('/')[0]);
}

/** The first failure, with what the fallbacks said after it. */
function combine(failures: ReadonlyArray<{ model: string; error: ProviderError }>): ProviderError {
  const [first, ...rest] = failures;
  if (rest.length === 0) return first.error;
  const tail = rest.map((f) => `fallback ${f.model} also failed: ${f.error.message}`).join('; ');
  return new ProviderError(first.error.kind, `${first.error.message} (${tail})`, first.error.provider, first.error.details);
}
