/**
 * Provider failures in words a user can act on. SDK errors (OpenAI, Anthropic, Google) and fetch
 * errors are read by shape (status, headers, body, cause codes), so one function serves all three.
 * Every message is scrubbed of keys before it leaves this module.
 */
import { scrub } from '../secrets';
import type { Endpoint } from './endpoints';

export type ProviderErrorKind =
  | 'missing-key'
  | 'bad-key'
  | 'unknown-model'
  | 'quota'
  | 'rate-limited'
  | 'server'
  | 'bad-request'
  | 'unreachable'
  | 'timeout'
  | 'broken-stream'
  | 'cancelled'
  | 'no-endpoint';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly provider: string,
    readonly details: { status?: number; retryAfterMs?: number; retryable?: boolean } = {},
  ) {
    super(scrub(message));
  }

  /** Whether a new attempt may succeed: rate limits, server errors, timeouts, dropped connections. */
  get retryable(): boolean {
    return this.details.retryable ?? false;
  }
}

/** What the classifier needs to know about the call besides the error. */
export interface ErrorContext {
  endpoint: Endpoint;
  model: string;
  /** Where the user sets the key ("the OPENAI_API_KEY environment variable"). */
  keyHint: string;
  /** Set when our idle timer, not the user, aborted the attempt. */
  timedOutAfterMs?: number;
  /** Set when the caller's signal aborted the attempt. */
  cancelled?: boolean;
}

const CONNECTION_REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const CONNECTION_DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export function toProviderError(error: unknown, context: ErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const { endpoint, model } = context;
  const label = endpoint.label;
  const at = (kind: ProviderErrorKind, message: string, details: ProviderError['details'] = {}) => new ProviderError(kind, message, endpoint.provider, details);

  if (context.cancelled) return at('cancelled', `The call to ${label} was cancelled.`);
  if (context.timedOutAfterMs !== undefined) {
    return at('timeout', `${label} sent nothing for ${formatSeconds(context.timedOutAfterMs)}; the call timed out.`, { retryable: true });
  }

  const status = statusOf(error);
  if (status !== undefined) {
    const body = bodyOf(error);
    const said = providerMessage(error, body);
    const code = `${codeOf(body)}`.toLowerCase();
    const retryAfterMs = retryAfterOf(error, body);
    const httpStatus = `HTTP ${status}`;
    if (status === 401 || status === 403 || /api key not valid|invalid api key|invalid x-api-key/i.test(said)) {
      return at('bad-key', `${label} rejected the API key (${httpStatus}). Check ${context.keyHint}.`, { status });
    }
    if (status === 402 || /insufficient_quota|billing|credit balance/.test(code) || /insufficient_quota|credit balance is too low|billing/i.test(said)) {
      return at('quota', `${label} refused the call: the account is out of quota or credit (${httpStatus}). Check the plan and billing. ${label} said: ${said}`, { status });
    }
    if (status === 404) {
      return at('unknown-model', `${label} does not know the model '${model}' (${httpStatus}). Check the model id and that the key may use it. ${label} said: ${said}`, { status });
    }
    if (status === 429) {
      return at('rate-limited', `${label} rate-limited the call (${httpStatus}). ${label} said: ${said}`, { status, retryAfterMs, retryable: true });
    }
    if (status === 408 || status === 409 || status >= 500) {
      return at('server', `${label} failed (${httpStatus}). ${label} said: ${said}`, { status, retryAfterMs, retryable: true });
    }
    return at('bad-request', `${label} refused the request (${httpStatus}): ${said}`, { status });
  }

  const codes = causeCodes(error);
  const where = endpoint.baseUrl ?? `${label}'s API`;
  if (codes.some((c) => CONNECTION_REFUSED.has(c))) {
    const code = codes.find((c) => CONNECTION_REFUSED.has(c));
    const hint = endpoint.local ? ` Is the ${label} server running?${endpoint.startHint ? ` Start it with '${endpoint.startHint}'.` : ''}` : ' Check the network and the base URL.';
    return at('unreachable', `Cannot reach ${label} at ${where} (${code}).${hint}`);
  }
  if (codes.some((c) => CONNECTION_DROPPED.has(c)) || /terminated|socket hang up|premature close|other side closed/i.test(messageChain(error))) {
    return at('broken-stream', `The connection to ${label} broke before the answer was complete.`, { retryable: true });
  }
  if (isAbort(error)) return at('cancelled', `The call to ${label} was cancelled.`);
  return at('server', `The call to ${label} failed: ${messageChain(error)}`);
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 ? status : undefined;
}

/** The parsed error body: OpenAI and Anthropic SDKs keep it in `.error`; Google's puts JSON in the message. */
function bodyOf(error: unknown): unknown {
  const body = (error as { error?: unknown }).error;
  if (body !== undefined) return body;
  const message = (error as Error).message;
  if (typeof message === 'string' && message.startsWith('{')) {
    try {
      return JSON.parse(message);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function inner(body: unknown): Record<string, unknown> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const nested = (body as { error?: unknown }).error;
  return nested && typeof nested === 'object' ? (nested as Record<string, unknown>) : (body as Record<string, unknown>);
}

function codeOf(body: unknown): string {
  const e = inner(body);
  return String(e?.code ?? e?.type ?? e?.status ?? '');
}

function providerMessage(error: unknown, body: unknown): string {
  const message = inner(body)?.message;
  const text = typeof message === 'string' ? message : (error as Error).message ?? String(error);
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

/** Retry-After in ms: `retry-after-ms`, `retry-after` (seconds or an HTTP date), or Google's RetryInfo in the body. */
export function retryAfterOf(error: unknown, body?: unknown): number | undefined {
  const headers = (error as { headers?: unknown }).headers;
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  };
  const ms = Number(get('retry-after-ms'));
  if (get('retry-after-ms') !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const after = get('retry-after');
  if (after !== undefined) {
    const seconds = Number(after);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const details = (inner(body) as { details?: Array<{ retryDelay?: unknown }> } | undefined)?.details;
  const delay = Array.isArray(details) ? details.find((d) => typeof d?.retryDelay === 'string')?.retryDelay : undefined;
  if (typeof delay === 'string' && /^\d+(\.\d+)?s$/.test(delay)) return parseFloat(delay) * 1000;
  return undefined;
}

function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const sub of errors) if (typeof sub?.code === 'string') codes.push(sub.code);
  }
  return codes;
}

function messageChain(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (message && !parts.includes(message)) parts.push(message);
  }
  return parts.join(': ');
}

function isAbort(error: unknown): boolean {
  const name = (error as Error | null)?.name;
  return name === 'AbortError' || name === 'APIUserAbortError';
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
