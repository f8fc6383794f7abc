/**
 * A loopback server speaking OpenAI's wire format: chat completions and responses (JSON and SSE
 * with usage), files upload and content, and batches (create, retrieve, cancel). The answer echoes the
 * last user message; usage counts words, plus configurable cached and reasoning tokens.
 */
import { echoAnswer, HttpFake, sendJson, sendSse, wordCount, type RouteContext } from './http-fake';

export interface OpenAiFakeOptions {
  key: string;
  cachedTokens?: number;
  reasoningTokens?: number;
  /** Retrieves that report the batch still in progress before it completes. */
  batchPollsUntilDone?: number;
  /** Leave usage out of chat answers, as some local servers do. */
  omitUsage?: boolean;
  /** Results lines sent before the content response stops sending (the connection is kept open). */
  batchResultsBeforeStall?: number;
  /** HTTP status a batch cancel answers with instead of cancelling (a 5xx, say). */
  batchCancelStatus?: number;
  /** A batch whose input holds this text stays in progress until it is cancelled. */
  holdBatchesWith?: string;
}

interface Msg {
  role: string;
  content: string;
}

interface BatchState {
  id: string;
  inputFileId: string;
  polls: number;
  outputFileId?: string;
  cancelled?: boolean;
}

export interface OpenAiFake {
  http: HttpFake;
  /** Base URL for the SDK, with /v1. */
  baseUrl: string;
  batches: Map<string, BatchState>;
  close(): Promise<void>;
}

export async function startOpenAiFake(options: OpenAiFakeOptions): Promise<OpenAiFake> {
  const files = new Map<string, string>();
  const batches = new Map<string, BatchState>();
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_${++counter}`;

  const usageFor = (messages: Msg[], answer: string) => {
    const input = messages.reduce((n, m) => n + wordCount(m.content), 0);
    const output = wordCount(answer) + (options.reasoningTokens ?? 0);
    return { input, output, cached: Math.min(options.cachedTokens ?? 0, input), reasoning: options.reasoningTokens ?? 0 };
  };

  const completion = (model: string, messages: Msg[], maxTokens?: number) => {
    const parts = echoAnswer(lastUser(messages));
    const cut = maxTokens !== undefined && parts.length > maxTokens;
    const answer = (cut ? parts.slice(0, maxTokens) : parts).join('');
    const u = usageFor(messages, answer);
    return {
      id: nextId('chatcmpl'),
      object: 'chat.completion',
      created: 1,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: answer, refusal: null }, finish_reason: cut ? 'length' : 'stop', logprobs: null }],
      usage: options.omitUsage ? undefined : chatUsage(u),
    };
  };

  const route = async (context: RouteContext) => {
    const { req, url, res } = context;
    if (req.headers.authorization !== `Bearer ${options.key}`) {
      return sendJson(res, 401, { error: { message: `Incorrect API key provided: ${req.headers.authorization?.slice(7, 14)}***. You can find your API key at your account page.`, type: 'invalid_request_error', code: 'invalid_api_key', param: null } });
    }
    const path = url.pathname;
    if (req.method === 'POST' && path === '/v1/chat/completions') return chat(context);
    if (req.method === 'POST' && path === '/v1/responses') return responses(context);
    if (req.method === 'POST' && path === '/v1/files') {
      const id = nextId('file');
      files.set(id, multipartFile(req.body, String(req.headers['content-type'])));
      return sendJson(res, 200, { id, object: 'file', bytes: files.get(id)?.length, created_at: 1, filename: 'batch.jsonl', purpose: 'batch', status: 'processed' });
    }
    if (req.method === 'POST' && path === '/v1/batches') {
      const body = JSON.parse(req.body) as { input_file_id: string; endpoint: string };
      if (!files.has(body.input_file_id)) return sendJson(res, 400, { error: { message: 'no such file', type: 'invalid_request_error' } });
      const state: BatchState = { id: nextId('batch'), inputFileId: body.input_file_id, polls: 0 };
      batches.set(state.id, state);
      return sendJson(res, 200, batchObject(state, 'validating', body.endpoint));
    }
    const cancelMatch = /^\/v1\/batches\/([^/]+)\/cancel$/.exec(path);
    if (req.method === 'POST' && cancelMatch) {
      const state = batches.get(cancelMatch[1]);
      if (!state) return sendJson(res, 404, { error: { message: 'No batch found', type: 'invalid_request_error' } });
      if (options.batchCancelStatus) return sendJson(res, options.batchCancelStatus, { error: { message: 'The server had an error while processing your request.', type: 'server_error' } });
      state.cancelled = true;
      return sendJson(res, 200, batchObject(state, 'cancelling', '/v1/chat/completions'));
    }
    const batchMatch = /^\/v1\/batches\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && batchMatch) {
      const state = batches.get(batchMatch[1]);
      if (!state) return sendJson(res, 404, { error: { message: 'No batch found', type: 'invalid_request_error' } });
      state.polls++;
      if (state.cancelled) return sendJson(res, 200, batchObject(state, 'cancelled', '/v1/chat/completions'));
      const held = options.holdBatchesWith !== undefined && (files.get(state.inputFileId) ?? '').includes(options.holdBatchesWith);
      if (held || state.polls <= (options.batchPollsUntilDone ?? 1)) return sendJson(res, 200, batchObject(state, 'in_progress', '/v1/chat/completions'));
      if (!state.outputFileId) {
        state.outputFileId = nextId('file');
        files.set(state.outputFileId, batchOutput(files.get(state.inputFileId) ?? ''));
      }
      return sendJson(res, 200, batchObject(state, 'completed', '/v1/chat/completions'));
    }
    const contentMatch = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
    if (req.method === 'GET' && contentMatch) {
      const content = files.get(contentMatch[1]);
      if (content === undefined) return sendJson(res, 404, { error: { message: 'No such File object', type: 'invalid_request_error' } });
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const stall = options.batchResultsBeforeStall;
      if (stall === undefined) return res.end(content);
      // Send the first lines and keep the response open: the client is killed while reading.
      res.write(content.split('\n').slice(0, stall).map((line) => `${line}\n`).join(''));
      return;
    }
    sendJson(res, 404, { error: { message: `Unknown route ${req.method} ${path}`, type: 'invalid_request_error' } });
  };

  const chat = (context: RouteContext) => {
    const body = JSON.parse(context.req.body) as { model: string; messages: Msg[]; stream?: boolean; stream_options?: { include_usage?: boolean }; max_completion_tokens?: number; max_tokens?: number };
    if (body.model === 'no-such-model') {
      return sendJson(context.res, 404, { error: { message: `The model \`${body.model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', code: 'model_not_found', param: null } });
    }
    const full = completion(body.model, body.messages, body.max_completion_tokens ?? body.max_tokens);
    if (!body.stream) return sendJson(context.res, 200, full);
    const parts = echoAnswer(lastUser(body.messages)).slice(0, body.max_completion_tokens ?? body.max_tokens);
    const chunk = (delta: object, finish: string | null, usage: object | null = null) =>
      JSON.stringify({ id: full.id, object: 'chat.completion.chunk', created: 1, model: body.model, choices: usage ? [] : [{ index: 0, delta, finish_reason: finish, logprobs: null }], usage });
    const events: Array<[null, string]> = [
      [null, chunk({ role: 'assistant', content: '' }, null)],
      ...parts.map((p): [null, string] => [null, chunk({ content: p }, null)]),
      [null, chunk({}, full.choices[0].finish_reason)],
    ];
    if (body.stream_options?.include_usage && full.usage) events.push([null, chunk({}, null, full.usage)]);
    events.push([null, '[DONE]']);
    sendSse(context, events);
  };

  const responses = (context: RouteContext) => {
    const body = JSON.parse(context.req.body) as { model: string; input: Msg[]; instructions?: string; stream?: boolean; max_output_tokens?: number };
    const messages = [...(body.instructions ? [{ role: 'system', content: body.instructions }] : []), ...body.input];
    const parts = echoAnswer(lastUser(messages));
    const cut = body.max_output_tokens !== undefined && parts.length > body.max_output_tokens;
    const answer = (cut ? parts.slice(0, body.max_output_tokens) : parts).join('');
    const u = usageFor(messages, answer);
    const response = {
      id: nextId('resp'),
      object: 'response',
      created_at: 1,
      model: body.model,
      status: cut ? 'incomplete' : 'completed',
      incomplete_details: cut ? { reason: 'max_output_tokens' } : null,
      output: [{ type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: answer, annotations: [] }] }],
      usage: {
        input_tokens: u.input,
        input_tokens_details: { cached_tokens: u.cached },
        output_tokens: u.output,
        output_tokens_details: { reasoning_tokens: u.reasoning },
        total_tokens: u.input + u.output,
      },
    };
    if (!body.stream) return sendJson(context.res, 200, response);
    let seq = 0;
    const event = (type: string, data: object): [string, string] => [type, JSON.stringify({ type, sequence_number: seq++, ...data })];
    sendSse(context, [
      event('response.created', { response: { ...response, status: 'in_progress', usage: null } }),
      ...(cut ? parts.slice(0, body.max_output_tokens) : parts).map((delta) => event('response.output_text.delta', { item_id: 'msg_1', output_index: 0, content_index: 0, delta, logprobs: [] })),
      event(cut ? 'response.incomplete' : 'response.completed', { response }),
    ]);
  };

  const batchOutput = (input: string): string =>
    input
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => {
        const request = JSON.parse(line) as { custom_id: string; body: { model: string; messages: Msg[]; max_completion_tokens?: number; max_tokens?: number } };
        const body = completion(request.body.model, request.body.messages, request.body.max_completion_tokens ?? request.body.max_tokens);
        return JSON.stringify({ id: nextId('batch_req'), custom_id: request.custom_id, response: { status_code: 200, request_id: 'req', body }, error: null });
      })
      .join('\n');

  const http = await HttpFake.start(route, /^\/v1\/(chat\/completions|responses)$/);
  return { http, baseUrl: `${http.url}/v1`, batches, close: () => http.close() };
}

function batchObject(state: BatchState, status: string, endpoint: string) {
  return {
    id: state.id,
    object: 'batch',
    endpoint,
    input_file_id: state.inputFileId,
    completion_window: '24h',
    status,
    output_file_id: status === 'completed' ? state.outputFileId : null,
    error_file_id: null,
    created_at: 1,
    request_counts: { total: 0, completed: 0, failed: 0 },
  };
}

function chatUsage(u: { input: number; output: number; cached: number; reasoning: number }) {
  return {
    prompt_tokens: u.input,
    completion_tokens: u.output,
    total_tokens: u.input + u.output,
    prompt_tokens_details: { cached_tokens: u.cached },
    completion_tokens_details: { reasoning_tokens: u.reasoning },
  };
}

function lastUser(messages: Msg[]): string {
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/** The file part of a multipart/form-data body (the SDK uploads `file` and `purpose`). */
function multipartFile(body: string, contentType: string): string {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = `--${boundary?.[1] ?? boundary?.[2]}`;
  for (const part of body.split(marker)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (/name="file"/.test(headers)) return part.slice(split + 4).replace(/\r\n$/, '');
  }
  return '';
}
