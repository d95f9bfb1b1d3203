import type { ResolvedReconnect } from './options.js';

/**
 * The delay before reconnection attempt `attempt` (0 for the first after a drop), or
 * `undefined` to give up. The server's `retry:` value, when it sent one, replaces the
 * backoff's delay; giving up is still decided by `maxRetries` and the backoff.
 */
export function reconnectDelay(policy: ResolvedReconnect, attempt: number, serverRetryMs: number | undefined): number | undefined {
  if (attempt >= policy.maxRetries) return undefined;
  const planned = policy.backoff(attempt);
  if (planned === undefined || !Number.isFinite(planned)) return undefined;
  return serverRetryMs ?? Math.max(0, planned);
}

/** Resolves after `ms`, or as soon as `signal` aborts (then to false). */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
