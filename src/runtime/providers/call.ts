/**
 * One model call through an adapter: an idle timeout per attempt, cancellation by the caller's
 * signal, and retries with backoff on rate limits, server errors, timeouts and dropped connections,
 * honouring Retry-After. Once text has been streamed out an attempt is never repeated, so the
 * caller never sees an answer twice. Listeners and timers are released after every attempt.
 */
import { ProviderError, toProviderError, type ErrorContext } from './errors';
import type { ChatRequest, ChatResult, WireAdapter } from './types';

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails with the provider's message. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

export interface CallOptions {
  signal?: AbortSignal;
  /** Streamed text; when absent the call is not streamed. */
  onText?: (text: string) => void;
  /** Longest wait for the next byte, before the first and between chunks. */
  idleTimeoutMs?: number;
  retry?: RetryPolicy;
  /** Waits between attempts; tests pass one that records the delays. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export async function callWithRetry(adapter: WireAdapter, request: ChatRequest, errorContext: Omit<ErrorContext, 'timedOutAfterMs' | 'cancelled'>, options: CallOptions = {}): Promise<ChatResult> {
  const policy = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(adapter, request, errorContext, options);
    if (outcome.result) return outcome.result;
    const error = outcome.error;
    if (!error.retryable || outcome.emitted || attempt >= policy.retries) {
      throw attempt > 0 && error.retryable ? new ProviderError(error.kind, `${error.message} (gave up after ${attempt + 1} attempts)`, error.provider, error.details) : error;
    }
    const retryAfter = error.details.retryAfterMs;
    if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
      throw new ProviderError(error.kind, `${error.message} (asked to retry after ${Math.round(retryAfter / 1000)} s, longer than PromptCost waits)`, error.provider, error.details);
    }
    await sleep(retryAfter ?? backoff(attempt, policy), options.signal);
    if (options.signal?.aborted) throw toProviderError(options.signal.reason, { ...errorContext, cancelled: true });
  }
}

/** Exponential backoff with jitter in [d/2, d], capped. */
export function backoff(attempt: number, policy: RetryPolicy): number {
  const d = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return d / 2 + Math.random() * (d / 2);
}

async function attemptOnce(
  adapter: WireAdapter,
  request: ChatRequest,
  errorContext: Omit<ErrorContext, 'timedOutAfterMs' | 'cancelled'>,
  options: CallOptions,
): Promise<{ result: ChatResult; error?: undefined; emitted: boolean } | { result?: undefined; error: ProviderError; emitted: boolean }> {
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  let emitted = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('idle timeout'));
  }, idleMs);
  const parent = options.signal;
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  try {
    const result = await adapter.attempt(request, {
      signal: controller.signal,
      stream: options.onText !== undefined,
      progress: () => timer.refresh(),
      emit: (text) => {
        if (!text) return;
        emitted = true;
        timer.refresh();
        options.onText?.(text);
      },
    });
    return { result, emitted };
  } catch (error) {
    return { error: toProviderError(error, { ...errorContext, timedOutAfterMs: timedOut ? idleMs : undefined, cancelled: !timedOut && parent?.aborted === true }), emitted };
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
