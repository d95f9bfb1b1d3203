import type { BackoffPolicy } from '@mcpx/core';

/** How a lost SSE stream is reconnected. */
export interface ReconnectPolicy {
  backoff: BackoffPolicy;
  maxRetries: number;
  /** Longest `Retry-After` honoured, in milliseconds. */
  maxRetryAfterMs: number;
}

/**
 * The delay before reconnection `attempt` (0 for the first): exactly the server's `retry:`
 * when it sent one, else `serverHintMs` (a `Retry-After`, capped), else the backoff policy.
 * Undefined once `maxRetries` attempts were made or the policy gives up.
 */
export function reconnectDelay(
  policy: ReconnectPolicy,
  attempt: number,
  retryField: number | undefined,
  serverHintMs?: number,
): number | undefined {
  if (attempt >= policy.maxRetries) return undefined;
  return retryField ?? (serverHintMs === undefined ? policy.backoff(attempt) : Math.min(serverHintMs, policy.maxRetryAfterMs));
}

/** Resolves after `ms`, or rejects with the abort reason as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
