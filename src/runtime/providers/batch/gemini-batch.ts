/**
 * Gemini's Batch Mode through the official SDK: the requests go inline to
 * `models/{model}:batchGenerateContent`, the job is polled with `batches.get`, and its inlined
 * responses are read back by the key each request carried in its metadata.
 */
import type { BatchJob, GoogleGenAI, InlinedRequest } from '@google/genai';
import { geminiRequest, geminiResult } from '../gemini';
import type { BatchApi, BatchItemOutcome, BatchRequest, BatchStatus } from './types';

const ENDED_BADLY = new Set(['JOB_STATE_FAILED', 'JOB_STATE_CANCELLED', 'JOB_STATE_EXPIRED']);

export function geminiBatchApi(client: GoogleGenAI): BatchApi {
  const job = (name: string, signal?: AbortSignal): Promise<BatchJob> => client.batches.get({ name, config: { abortSignal: signal } });
  return {
    async submit(requests: readonly BatchRequest[], signal?: AbortSignal): Promise<string> {
      const src = requests.map((r): InlinedRequest => ({ ...geminiRequest(r.messages, r), metadata: { key: r.customId } }));
      const created = await client.batches.create({ model: requests[0].model, src, config: { displayName: 'promptcost-batch', abortSignal: signal } });
      if (!created.name) throw new Error('Gemini created a batch without a name');
      return created.name;
    },

    async status(batchId: string, signal?: AbortSignal): Promise<BatchStatus> {
      const { state, error } = await job(batchId, signal);
      if (state === 'JOB_STATE_SUCCEEDED') return { state: 'ended' };
      if (state && ENDED_BADLY.has(state)) return { state: 'failed', detail: `the batch ${state.slice('JOB_STATE_'.length).toLowerCase()}${error?.message ? `: ${error.message}` : ''}` };
      return { state: 'running', detail: (state ?? 'JOB_STATE_PENDING').slice('JOB_STATE_'.length).toLowerCase() };
    },

    async *results(batchId: string, signal?: AbortSignal): AsyncIterable<BatchItemOutcome> {
      const { dest } = await job(batchId, signal);
      for (const item of dest?.inlinedResponses ?? []) {
        const customId = item.metadata?.key;
        if (!customId) continue;
        if (item.response) yield { customId, result: geminiResult(item.response) };
        else yield { customId, error: item.error?.message ?? 'the batch returned no response for this request' };
      }
    },

    async cancel(batchId: string, signal?: AbortSignal): Promise<void> {
      await client.batches.cancel({ name: batchId, config: { abortSignal: signal } });
    },
  };
}
