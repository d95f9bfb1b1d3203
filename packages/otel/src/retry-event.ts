import { trace } from '@opentelemetry/api';

/** A retry of an HTTP request, as `@mcpx/http`'s `retry.onRetry` (and the factory's `onHttpRetry`) is told of it. */
export interface RetryEventInput {
  /** The URL that refused, without credentials or query. */
  url: string;
  /** The JSON-RPC method retried; undefined for a response. */
  method?: string | undefined;
  /** The retry about to be made: 1 for the first. */
  attempt: number;
  /** How long the request waits before it, in milliseconds. */
  delayMs: number;
  /** The HTTP status that refused the request, if any. */
  status?: number | undefined;
  /** The network failure, if any. */
  error?: unknown;
}

/** The name of the span event `otelRetryEvent` adds. */
export const RETRY_EVENT = 'mcpx.http.retry';

/**
 * An `onRetry` hook that adds a `mcpx.http.retry` event to the active span (the request's span
 * when `otelMiddleware` is on), with the URL, method, attempt, delay, and the status or error type.
 * Does nothing when no span is active.
 * @example
 * new StreamableHttpTransport(url, { retry: { onRetry: otelRetryEvent } });
 */
export function otelRetryEvent(retry: RetryEventInput): void {
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return;
  span.addEvent(RETRY_EVENT, {
    'url.full': retry.url,
    'mcpx.retry.attempt': retry.attempt,
    'mcpx.retry.delay_ms': retry.delayMs,
    ...(retry.method === undefined ? {} : { 'mcp.method.name': retry.method }),
    ...(retry.status === undefined ? {} : { 'http.response.status_code': retry.status }),
    ...(retry.error === undefined ? {} : { 'error.type': retry.error instanceof Error ? retry.error.name : 'unknown' }),
  });
}
