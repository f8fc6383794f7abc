/**
 * A loopback server speaking the Gemini API's wire format: models/{model}:generateContent and
 * :streamGenerateContent?alt=sse, with usageMetadata (prompt, candidates, cached, thoughts).
 */
import { echoAnswer, HttpFake, sendJson, sendSse, wordCount, type RouteContext } from './http-fake';

export interface GeminiFakeOptions {
  key: string;
  cachedTokens?: number;
  thoughtsTokens?: number;
}

interface Content {
  role: string;
  parts: Array<{ text?: string }>;
}

export interface GeminiFake {
  http: HttpFake;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startGeminiFake(options: GeminiFakeOptions): Promise<GeminiFake> {
  const route = (context: RouteContext) => {
    const { req, url, res } = context;
    const match = /^\/v1beta\/models\/([^:]+):(generateContent|streamGenerateContent)$/.exec(url.pathname);
    if (!match || req.method !== 'POST') return sendJson(res, 404, { error: { code: 404, message: `Unknown route ${url.pathname}`, status: 'NOT_FOUND' } });
    if (req.headers['x-goog-api-key'] !== options.key) {
      return sendJson(res, 400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } });
    }
    const [, model, method] = match;
    if (model === 'no-such-model') return sendJson(res, 404, { error: { code: 404, message: `models/${model} is not found for API version v1beta`, status: 'NOT_FOUND' } });
    const body = JSON.parse(req.body) as { contents: Content[]; systemInstruction?: Content | string; generationConfig?: { maxOutputTokens?: number } };
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
    const finishReason = cut ? 'MAX_TOKENS' : 'STOP';
    const candidate = (text: string, finish?: string) => ({ content: { role: 'model', parts: [{ text }] }, index: 0, ...(finish ? { finishReason: finish } : {}) });
    if (method === 'generateContent') return sendJson(res, 200, { candidates: [candidate(parts.join(''), finishReason)], usageMetadata, modelVersion: model });
    if (url.searchParams.get('alt') !== 'sse') return sendJson(res, 400, { error: { code: 400, message: 'this fake streams only with alt=sse', status: 'INVALID_ARGUMENT' } });
    sendSse(
      context,
      parts.map((text, i): [null, string] => {
        const last = i === parts.length - 1;
        return [null, JSON.stringify({ candidates: [candidate(text, last ? finishReason : undefined)], ...(last ? { usageMetadata } : {}), modelVersion: model })];
      }),
    );
  };
  const http = await HttpFake.start(route, /:(generateContent|streamGenerateContent)$/);
  return { http, baseUrl: http.url, close: () => http.close() };
}
