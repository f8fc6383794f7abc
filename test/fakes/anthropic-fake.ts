/**
 * A loopback server speaking Anthropic's wire format: messages (JSON and SSE: message_start,
 * content_block_start/delta/stop, message_delta with usage, message_stop) and message batches
 * (create, retrieve, cancel, results as JSONL at results_url).
 */
import { echoAnswer, HttpFake, sendJson, sendSse, wordCount, type RouteContext } from './http-fake';

export interface AnthropicFakeOptions {
  key: string;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  batchPollsUntilDone?: number;
  /** HTTP status a batch cancel answers with instead of cancelling (a 5xx, say). */
  batchCancelStatus?: number;
}

interface Msg {
  role: string;
  content: string;
}

interface MessageParams {
  model: string;
  max_tokens: number;
  system?: string;
  messages: Msg[];
  stream?: boolean;
}

export interface AnthropicFake {
  http: HttpFake;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startAnthropicFake(options: AnthropicFakeOptions): Promise<AnthropicFake> {
  let counter = 0;
  const batches = new Map<string, { polls: number; canceled?: boolean; requests: Array<{ custom_id: string; params: MessageParams }> }>();

  const message = (params: MessageParams) => {
    const parts = echoAnswer([...params.messages].reverse().find((m) => m.role === 'user')?.content ?? '');
    const cut = parts.length > params.max_tokens;
    const kept = cut ? parts.slice(0, params.max_tokens) : parts;
    const prompt = wordCount(params.system ?? '') + params.messages.reduce((n, m) => n + wordCount(m.content), 0);
    const read = options.cacheReadTokens ?? 0;
    const written = options.cacheWriteTokens ?? 0;
    return {
      parts: kept,
      body: {
        id: `msg_${++counter}`,
        type: 'message',
        role: 'assistant',
        model: params.model,
        content: [{ type: 'text', text: kept.join('') }],
        stop_reason: cut ? 'max_tokens' : 'end_turn',
        stop_sequence: null,
        // Anthropic's input_tokens leaves out the cache reads and writes.
        usage: { input_tokens: prompt - read - written, output_tokens: wordCount(kept.join('')), cache_read_input_tokens: read, cache_creation_input_tokens: written },
      },
    };
  };

  const route = (context: RouteContext) => {
    const { req, url, res } = context;
    // SDK 1.x sends the key as a bearer token; older clients send x-api-key.
    if (req.headers['x-api-key'] !== options.key && req.headers.authorization !== `Bearer ${options.key}`) {
      return sendJson(res, 401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    }
    const path = url.pathname;
    if (req.method === 'POST' && path === '/v1/messages') return messages(context);
    if (req.method === 'POST' && path === '/v1/messages/batches') {
      const body = JSON.parse(req.body) as { requests: Array<{ custom_id: string; params: MessageParams }> };
      const id = `msgbatch_${++counter}`;
      batches.set(id, { polls: 0, requests: body.requests });
      return sendJson(res, 200, batchObject(id, 'in_progress', null));
    }
    const cancel = /^\/v1\/messages\/batches\/([^/]+)\/cancel$/.exec(path);
    if (req.method === 'POST' && cancel) {
      const batch = batches.get(cancel[1]);
      if (!batch) return sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: 'no batch' } });
      if (options.batchCancelStatus) return sendJson(res, options.batchCancelStatus, { type: 'error', error: { type: 'api_error', message: 'Internal server error' } });
      batch.canceled = true;
      return sendJson(res, 200, { ...batchObject(cancel[1], 'canceling', null), cancel_initiated_at: '2026-01-01T00:00:01Z' });
    }
    const results = /^\/v1\/messages\/batches\/([^/]+)\/results$/.exec(path);
    if (req.method === 'GET' && results) {
      const batch = batches.get(results[1]);
      if (!batch) return sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: 'no batch' } });
      res.writeHead(200, { 'content-type': 'application/binary' });
      return res.end(batch.requests.map((r) => JSON.stringify({ custom_id: r.custom_id, result: { type: 'succeeded', message: message(r.params).body } })).join('\n'));
    }
    const retrieve = /^\/v1\/messages\/batches\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && retrieve) {
      const batch = batches.get(retrieve[1]);
      if (!batch) return sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: 'no batch' } });
      batch.polls++;
      const done = batch.polls > (options.batchPollsUntilDone ?? 1);
      return sendJson(res, 200, batchObject(retrieve[1], done ? 'ended' : 'in_progress', done ? `${url.origin}/v1/messages/batches/${retrieve[1]}/results` : null));
    }
    sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: `Unknown route ${req.method} ${path}` } });
  };

  const messages = (context: RouteContext) => {
    const params = JSON.parse(context.req.body) as MessageParams;
    if (params.model === 'no-such-model') return sendJson(context.res, 404, { type: 'error', error: { type: 'not_found_error', message: `model: ${params.model}` } });
    const { parts, body } = message(params);
    if (!params.stream) return sendJson(context.res, 200, body);
    const event = (type: string, data: object): [string, string] => [type, JSON.stringify({ type, ...data })];
    sendSse(context, [
      event('message_start', { message: { ...body, content: [], stop_reason: null, usage: { ...body.usage, output_tokens: 1 } } }),
      event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      event('ping', {}),
      ...parts.map((text) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } })),
      event('content_block_stop', { index: 0 }),
      event('message_delta', { delta: { stop_reason: body.stop_reason, stop_sequence: null }, usage: { output_tokens: body.usage.output_tokens } }),
      event('message_stop', {}),
    ]);
  };

  const http = await HttpFake.start(route, /^\/v1\/messages$/);
  return { http, baseUrl: http.url, close: () => http.close() };
}

function batchObject(id: string, status: string, resultsUrl: string | null) {
  return {
    id,
    type: 'message_batch',
    processing_status: status,
    request_counts: { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
    ended_at: status === 'ended' ? '2026-01-01T00:00:00Z' : null,
    created_at: '2026-01-01T00:00:00Z',
    expires_at: '2026-01-02T00:00:00Z',
    archived_at: null,
    cancel_initiated_at: null,
    results_url: resultsUrl,
  };
}
