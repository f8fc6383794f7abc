/**
 * Batch mode: each request goes through steps 1 to 5 (trimming uses the extractive summary, so
 * that every model call is in the batch); answers found in the cache are served at once, the rest
 * are submitted per model through the provider's batch API, polled until done, and their results
 * are priced at the batch rate, stored in the cache and written to the ledger one by one as they
 * are read, so an interruption keeps everything already received.
 */
import type { Catalog } from '../../core/catalog';
import type { ResponseCache } from '../cache/types';
import { noSavings } from '../ledger/record';
import { abortableSleep } from '../providers/call';
import { ProviderError } from '../providers/errors';
import type { BatchRequest } from '../providers/batch/types';
import type { BatchTarget, ProviderRegistry } from '../providers/registry';
import type { ChatResult } from '../providers/types';
import { answerKey } from './answer-key';
import { inputCost, priceUsage } from './cost';
import { answerRecord, failureRecord } from './ledger-entry';
import type { LedgerSink, Pipeline } from './pipeline';
import type { PipelineRequest, PreparedCall } from './types';

export interface BatchItem {
  /** The caller's id for the item (a line number, a record id). */
  id: string;
  request: PipelineRequest;
}

export interface BatchItemResult {
  id: string;
  model: string;
  text?: string;
  usage?: ChatResult['usage'];
  costUsd: number | null;
  cached: boolean;
  error?: string;
}

export interface BatchDeps {
  pipeline: Pipeline;
  catalog: Catalog;
  batches: Pick<ProviderRegistry, 'openBatch' | 'parse'>;
  cache?: ResponseCache;
  ledger?: LedgerSink;
  pollIntervalMs: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How long a cancel request to the provider may take once the run is stopped. */
  cancelTimeoutMs?: number;
}

const CANCEL_TIMEOUT_MS = 10_000;

export interface BatchProgress {
  /** A batch was submitted, or its status was polled. */
  onStatus?: (message: string) => void;
  /** Each item's result, as soon as it is known. */
  onResult?: (result: BatchItemResult) => void;
}

interface Pending {
  item: BatchItem;
  prepared: PreparedCall;
  key: string;
  customId: string;
}

export async function runBatch(items: readonly BatchItem[], deps: BatchDeps, progress: BatchProgress = {}, signal?: AbortSignal): Promise<BatchItemResult[]> {
  const now = deps.now ?? Date.now;
  const results: BatchItemResult[] = [];
  const emit = (result: BatchItemResult) => {
    results.push(result);
    progress.onResult?.(result);
  };
  const groups = new Map<string, Pending[]>();
  for (const [index, item] of items.entries()) {
    const prepared = await deps.pipeline.prepare(item.request, { summarize: false, signal });
    const modelId = prepared.chain[0];
    const ref = deps.batches.parse(modelId);
    // Batches go through chat completions, so their answers share the chat API's keys.
    const key = answerKey(ref, prepared.messages, { maxOutputTokens: prepared.maxOutputTokens, temperature: item.request.temperature, api: 'chat' });
    const hit = deps.cache ? await deps.cache.get(key).catch(() => undefined) : undefined;
    if (hit) {
      const info = ref.info ?? deps.catalog.resolve(modelId);
      deps.ledger?.append(
        answerRecord(
          { time: now(), request: item.request, provider: ref.provider, model: modelId, latencyMs: 0 },
          { usage: hit.usage, costUsd: 0, cached: true, batch: true, savings: { ...noSavings(), cache: priceUsage(info, hit.usage, true) ?? 0 } },
        ),
      );
      emit({ id: item.id, model: modelId, text: hit.text, usage: hit.usage, costUsd: 0, cached: true });
      continue;
    }
    const group = groups.get(modelId) ?? [];
    group.push({ item, prepared, key, customId: `item-${index}` });
    groups.set(modelId, group);
  }

  for (const [modelId, pending] of groups) {
    const started = now();
    let target: BatchTarget;
    try {
      target = await deps.batches.openBatch(modelId);
    } catch (error) {
      for (const p of pending) emit({ id: p.item.id, model: modelId, costUsd: null, cached: false, error: (error as Error).message });
      continue;
    }
    const requests: BatchRequest[] = pending.map((p) => ({
      customId: p.customId,
      model: target.ref.apiModel,
      messages: p.prepared.messages,
      maxOutputTokens: p.prepared.maxOutputTokens,
      temperature: p.item.request.temperature,
    }));
    const batchId = await target.api.submit(requests, signal);
    progress.onStatus?.(`submitted ${requests.length} requests to ${target.endpoint.label} as batch ${batchId}`);
    try {
      for (;;) {
        const status = await target.api.status(batchId, signal);
        if (status.state === 'ended') break;
        if (status.state === 'failed') throw new ProviderError('server', `Batch ${batchId} on ${target.endpoint.label}: ${status.detail}`, target.ref.provider);
        progress.onStatus?.(`batch ${batchId}: ${status.detail}`);
        await (deps.sleep ?? abortableSleep)(deps.pollIntervalMs, signal);
        signal?.throwIfAborted();
      }
    } catch (error) {
      if (signal?.aborted) throw await cancelAtProvider(target, batchId, deps.cancelTimeoutMs ?? CANCEL_TIMEOUT_MS);
      throw error;
    }
    const byCustomId = new Map(pending.map((p) => [p.customId, p]));
    const info = target.ref.info ?? deps.catalog.resolve(modelId);
    for await (const outcome of target.api.results(batchId, signal)) {
      const p = byCustomId.get(outcome.customId);
      if (!p) continue;
      byCustomId.delete(outcome.customId);
      const facts = { time: now(), request: p.item.request, provider: target.ref.provider, model: modelId, latencyMs: now() - started };
      if (!outcome.result) {
        deps.ledger?.append(failureRecord(facts, { kind: 'batch-item' }, true));
        emit({ id: p.item.id, model: modelId, costUsd: null, cached: false, error: outcome.error });
        continue;
      }
      const { usage } = outcome.result;
      const costUsd = priceUsage(info, usage, true);
      const listCost = priceUsage(info, usage, false);
      const savings = {
        ...noSavings(),
        batching: listCost !== null && costUsd !== null ? listCost - costUsd : 0,
        trimming: inputCost(info, p.prepared.trimmedTokens, true),
        compression: inputCost(info, p.prepared.compressedTokens, true) - inputCost(info, p.prepared.instructionTokens, true),
      };
      if (deps.cache) {
        await deps.cache.set(p.key, { ...outcome.result, model: modelId, costUsd, createdAt: now() }).catch(() => undefined);
      }
      deps.ledger?.append(answerRecord(facts, { usage, costUsd, cached: false, batch: true, savings }));
      emit({ id: p.item.id, model: modelId, text: outcome.result.text, usage, costUsd, cached: false });
    }
    for (const p of byCustomId.values()) emit({ id: p.item.id, model: modelId, costUsd: null, cached: false, error: 'the batch returned no result for this request' });
  }
  return results;
}

/**
 * A stopped run cancels its batch at the provider, so that what it has not started is not billed.
 * The caller's signal is already aborted, so the cancel gets its own deadline; when it fails, the
 * message says the batch may go on and where to stop it.
 */
async function cancelAtProvider(target: BatchTarget, batchId: string, timeoutMs: number): Promise<ProviderError> {
  const where = target.endpoint.label;
  try {
    await target.api.cancel(batchId, AbortSignal.timeout(timeoutMs));
    return new ProviderError('cancelled', `Cancelled batch ${batchId} at ${where}; requests it finished before the cancel are still billed.`, target.ref.provider);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return new ProviderError('cancelled', `Stopped waiting for batch ${batchId}, but cancelling it at ${where} failed (${why}): it may go on and be billed. Cancel it in the ${where} console.`, target.ref.provider);
  }
}
