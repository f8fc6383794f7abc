/**
 * OpenAI's Batch API through the official SDK: the requests go up as a JSONL file, a batch is
 * created on /v1/chat/completions, polled, and its output file is read line by line as it arrives.
 */
import OpenAI, { toFile } from 'openai';
import { finishOf, usageOf } from '../openai-chat';
import type { BatchApi, BatchItemOutcome, BatchRequest, BatchStatus } from './types';

const ENDPOINT = '/v1/chat/completions';

interface OutputLine {
  custom_id: string;
  response?: { status_code: number; body?: { choices?: Array<{ message?: { content?: string | null }; finish_reason?: string }>; usage?: Parameters<typeof usageOf>[0]; error?: { message?: string } } } | null;
  error?: { code?: string; message?: string } | null;
}

export function openAiBatchApi(client: OpenAI, compatible = false): BatchApi {
  return {
    async submit(requests: readonly BatchRequest[], signal?: AbortSignal): Promise<string> {
      const lines = requests.map((r) =>
        JSON.stringify({
          custom_id: r.customId,
          method: 'POST',
          url: ENDPOINT,
          body: {
            model: r.model,
            messages: r.messages,
            ...(r.maxOutputTokens !== undefined ? (compatible ? { max_tokens: r.maxOutputTokens } : { max_completion_tokens: r.maxOutputTokens }) : {}),
            ...(r.temperature !== undefined ? { temperature: r.temperature } : {}),
          },
        }),
      );
      const file = await client.files.create({ file: await toFile(Buffer.from(`${lines.join('\n')}\n`), 'promptcost-batch.jsonl'), purpose: 'batch' }, { signal });
      const batch = await client.batches.create({ input_file_id: file.id, endpoint: ENDPOINT, completion_window: '24h' }, { signal });
      return batch.id;
    },

    async status(batchId: string, signal?: AbortSignal): Promise<BatchStatus> {
      const batch = await client.batches.retrieve(batchId, { signal });
      if (batch.status === 'completed') return { state: 'ended' };
      if (batch.status === 'failed' || batch.status === 'expired' || batch.status === 'cancelled') {
        const why = batch.errors?.data?.map((e) => e.message).join('; ');
        return { state: 'failed', detail: `the batch ${batch.status}${why ? `: ${why}` : ''}` };
      }
      const counts = batch.request_counts;
      return { state: 'running', detail: `${batch.status}${counts ? ` (${counts.completed}/${counts.total} done)` : ''}` };
    },

    async *results(batchId: string, signal?: AbortSignal): AsyncIterable<BatchItemOutcome> {
      const batch = await client.batches.retrieve(batchId, { signal });
      for (const fileId of [batch.output_file_id, batch.error_file_id]) {
        if (!fileId) continue;
        const response = await client.files.content(fileId, { signal });
        for await (const line of jsonLines(response)) yield outcomeOf(JSON.parse(line) as OutputLine);
      }
    },

    async cancel(batchId: string, signal?: AbortSignal): Promise<void> {
      await client.batches.cancel(batchId, { signal });
    },
  };
}

function outcomeOf(line: OutputLine): BatchItemOutcome {
  const body = line.response?.body;
  if (line.response && line.response.status_code === 200 && body) {
    const choice = body.choices?.[0];
    return { customId: line.custom_id, result: { text: choice?.message?.content ?? '', usage: usageOf(body.usage), finishReason: finishOf(choice?.finish_reason) } };
  }
  const message = line.error?.message ?? body?.error?.message ?? `HTTP ${line.response?.status_code ?? '?'}`;
  return { customId: line.custom_id, error: message };
}

/** The non-empty lines of a response body, as they arrive. */
export async function* jsonLines(response: Response): AsyncIterable<string> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line) yield line;
    }
  }
  const last = (pending + decoder.decode()).trim();
  if (last) yield last;
}
