/** Ledger records for the pipeline's and the batch runner's calls, built in one place. */
import { noSavings, type LedgerRecord, type Savings } from '../ledger/record';
import type { ProviderError } from '../providers/errors';
import type { TokenUsage } from '../providers/types';
import type { PipelineRequest } from './types';

export interface CallFacts {
  time: number;
  request: PipelineRequest;
  provider: string;
  model: string;
  latencyMs: number;
  fallback?: { from: string; reason: string };
}

/** A call that answered, or an answer served from the cache (tokens zero: nothing was billed). */
export function answerRecord(facts: CallFacts, answer: { usage: TokenUsage; costUsd: number | null; cached: boolean; batch: boolean; savings: Savings }): LedgerRecord {
  const usage = answer.cached ? undefined : answer.usage;
  return {
    ...base(facts),
    tokens: {
      input: usage?.inputTokens ?? 0,
      output: usage?.outputTokens ?? 0,
      cachedInput: usage?.cachedInputTokens ?? 0,
      cacheWrite: usage?.cacheWriteTokens ?? 0,
      reasoning: usage?.reasoningTokens ?? 0,
    },
    estimated: usage !== undefined && !usage.reported,
    costUsd: answer.costUsd,
    cached: answer.cached,
    batch: answer.batch,
    latencyMs: facts.latencyMs,
    outcome: 'ok',
    savings: answer.savings,
    ...(facts.fallback ? { fallback: facts.fallback } : {}),
    purpose: facts.request.purpose ?? 'answer',
  };
}

export function failureRecord(facts: CallFacts, error: ProviderError | { kind: string }, batch = false): LedgerRecord {
  return {
    ...base(facts),
    tokens: { input: 0, output: 0, cachedInput: 0, cacheWrite: 0, reasoning: 0 },
    estimated: false,
    costUsd: 0,
    cached: false,
    batch,
    latencyMs: facts.latencyMs,
    outcome: error.kind === 'cancelled' ? 'cancelled' : 'error',
    error: error.kind,
    savings: noSavings(),
    ...(facts.fallback ? { fallback: facts.fallback } : {}),
    purpose: facts.request.purpose ?? 'answer',
  };
}

function base(facts: CallFacts): Pick<LedgerRecord, 'v' | 'time' | 'source' | 'provider' | 'model' | 'requestedModel'> {
  return {
    v: 1,
    time: new Date(facts.time).toISOString(),
    ...(facts.request.source ? { source: facts.request.source } : {}),
    provider: facts.provider,
    model: facts.model,
    ...(facts.model !== facts.request.model ? { requestedModel: facts.request.model } : {}),
  };
}
