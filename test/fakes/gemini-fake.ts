/**
 * A loopback server speaking the Gemini API's wire format: models/{model}:generateContent and
 * :streamGenerateContent?alt=sse, with usageMetadata (prompt, candidates, cached, thoughts), and
 * Batch Mode (models/{model}:batchGenerateContent with inlined requests, batches/{id} returning
 * the long-running operation with its inlined responses when done, batches/{id}:cancel).
 */
import { echoAnswer, HttpFake, sendJson, sendSse, wordCount, type RouteContext } from './http-fake';

export interface GeminiFakeOptions {
  key: string;
  cachedTokens?: number;
  thoughtsTokens?: number;
  /** Retrieves that report a batch still running before it succeeds. */
  batchPollsUntilDone?: number;
  /** HTTP status a batch cancel answers with instead of cancelling (a 5xx, say). */
  batchCancelStatus?: number;
}

interface Content {
  role: string;
  parts: Array<{ text?: string }>;
}

interface GenerateBody {
  contents: Content[];
  systemInstruction?: Content | string;
  generationConfig?: { maxOutputTokens?: number };
}

interface BatchState {
  model: string;
  polls: number;
  cancelled: boolean;
  requests: Array<{ request: GenerateBody; metadata?: Record<string, string> }>;
}

export interface GeminiFake {
  http: HttpFake;
  baseUrl: string;
  batches: Map<string, BatchState>;
  close(): Promise<void>;
}

export async function startGeminiFake(options: GeminiFakeOptions): Promise<GeminiFake> {
  const batches = new Map<string, BatchState>();
  let counter = 0;

  /** The echoed answer to one request, in pieces (one per streamed chunk), with its usage. */
  const answer = (body: GenerateBody) => {
    const textOf = (c: Content) => c.parts.map((p) => p.text ?? '').join('');
    const system = typeof body.systemInstruction === 'string' ? body.systemInstruction : body.systemInstruction ? textOf(body.systemInstruction) : '';
    const user = [...body.contents].reverse().find((c) => c.role === 'user');
    const all = echoAnswer(user ? textOf(user) : '');
    const limit = body.generationConfig?.maxOutputTokens;
    const cut = limit !== undefined && all.length > limit;
    const parts = cut ? all.slice(0, limit) : all;
    const prompt = wordCount(system) + body.contents.reduce((n, c) => n + wordCount(textOf(c)), 0);
    const usageMetadata = {
      promptTokenCount: prompt,
      candidatesTokenCount: wordCount(parts.join('')),
      cachedContentTokenCount: options.cachedTokens,
      thoughtsTokenCount: options.thoughtsTokens,
      totalTokenCount: prompt + wordCount(parts.join('')) + (options.thoughtsTokens ?? 0),
    };
    return { parts, usageMetadata, finishReason: cut ? 'MAX_TOKENS' : 'STOP' };
  };
  const candidate = (text: string, finish?: string) => ({ content: { role: 'model', parts: [{ text }] }, index: 0, ...(finish ? { finishReason: finish } : {}) });
  const response = (model: string, body: GenerateBody) => {
    const { parts, usageMetadata, finishReason } = answer(body);
    return { candidates: [candidate(parts.join(''), finishReason)], usageMetadata, modelVersion: model };
  };

  /** A batch as the long-running operation the API returns for it. */
  const operation = (name: string, batch: BatchState, state: string) => {
    const metadata: Record<string, unknown> = {
      '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch',
      model: `models/${batch.model}`,
      displayName: 'promptcost-batch',
      state,
      createTime: '2026-01-01T00:00:00Z',
      updateTime: '2026-01-01T00:00:01Z',
      batchStats: { requestCount: String(batch.requests.length) },
    };
    if (state !== 'BATCH_STATE_SUCCEEDED') return { name, metadata };
    const output = { inlinedResponses: { inlinedResponses: batch.requests.map((r) => ({ response: response(batch.model, r.request), metadata: r.metadata })) } };
    return { name, metadata: { ...metadata, output }, done: true, response: { '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput', ...output } };
  };

  const batchRoutes = (context: RouteContext): boolean => {
    const { req, url, res } = context;
    const create = /^\/v1beta\/models\/([^:]+):batchGenerateContent$/.exec(url.pathname);
    if (req.method === 'POST' && create) {
      const body = JSON.parse(req.body) as { batch: { inputConfig: { requests: { requests: BatchState['requests'] } } } };
      const name = `batches/fake${++counter}`;
      const batch: BatchState = { model: create[1], polls: 0, cancelled: false, requests: body.batch.inputConfig.requests.requests };
      batches.set(name, batch);
      sendJson(res, 200, operation(name, batch, 'BATCH_STATE_PENDING'));
      return true;
    }
    const cancel = /^\/v1beta\/(batches\/[^:/]+):cancel$/.exec(url.pathname);
    if (req.method === 'POST' && cancel) {
      const batch = batches.get(cancel[1]);
      if (!batch) sendJson(res, 404, { error: { code: 404, message: 'Batch not found.', status: 'NOT_FOUND' } });
      else if (options.batchCancelStatus) sendJson(res, options.batchCancelStatus, { error: { code: options.batchCancelStatus, message: 'Internal error encountered.', status: 'INTERNAL' } });
      else {
        batch.cancelled = true;
        sendJson(res, 200, {});
      }
      return true;
    }
    const get = /^\/v1beta\/(batches\/[^:/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && get) {
      const batch = batches.get(get[1]);
      if (!batch) {
        sendJson(res, 404, { error: { code: 404, message: 'Batch not found.', status: 'NOT_FOUND' } });
        return true;
      }
      batch.polls++;
      const state = batch.cancelled ? 'BATCH_STATE_CANCELLED' : batch.polls <= (options.batchPollsUntilDone ?? 1) ? 'BATCH_STATE_RUNNING' : 'BATCH_STATE_SUCCEEDED';
      sendJson(res, 200, operation(get[1], batch, state));
      return true;
    }
    return false;
  };

  const route = (context: RouteContext) => {
    const { req, url, res } = context;
    if (req.headers['x-goog-api-key'] !== options.key) {
      return sendJson(res, 400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } });
    }
    if (batchRoutes(context)) return;
    const match = /^\/v1beta\/models\/([^:]+):(generateContent|streamGenerateContent)$/.exec(url.pathname);
    if (!match || req.method !== 'POST') return sendJson(res, 404, { error: { code: 404, message: `Unknown route ${url.pathname}`, status: 'NOT_FOUND' } });
    const [, model, method] = match;
    if (model === 'no-such-model') return sendJson(res, 404, { error: { code: 404, message: `models/${model} is not found for API version v1beta`, status: 'NOT_FOUND' } });
    const body = JSON.parse(req.body) as GenerateBody;
    if (method === 'generateContent') return sendJson(res, 200, response(model, body));
    if (url.searchParams.get('alt') !== 'sse') return sendJson(res, 400, { error: { code: 400, message: 'this fake streams only with alt=sse', status: 'INVALID_ARGUMENT' } });
    const { parts, usageMetadata, finishReason } = answer(body);
    sendSse(
      context,
      parts.map((text, i): [null, string] => {
        const last = i === parts.length - 1;
        return [null, JSON.stringify({ candidates: [candidate(text, last ? finishReason : undefined)], ...(last ? { usageMetadata } : {}), modelVersion: model })];
      }),
    );
  };
  const http = await HttpFake.start(route, /:(generateContent|streamGenerateContent)$/);
  return { http, baseUrl: http.url, batches, close: () => http.close() };
}
