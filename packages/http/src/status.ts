import type { JsonRpcMessage, TransportError } from '@mcpx/core';
import { excerpt } from './body.js';
import { transportError, type ErrorScope } from './errors.js';
import type { HttpResponse } from './http-response.js';

/** Requests that change nothing on the server, or change it the same way twice. */
const SAFE_REQUESTS = new Set([
  'initialize',
  'server/discover',
  'ping',
  'resources/read',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
]);

/**
 * Whether sending `message` twice does no harm: notifications, responses (the server drops
 * a duplicate by id), and the read-only or idempotent requests. `tools/call` only when the
 * caller says its tools are safe to repeat.
 */
export function isSafeToRepeat(message: JsonRpcMessage, retryToolCalls: boolean): boolean {
  if (!('method' in message) || !('id' in message)) return true;
  if (message.method === 'tools/call') return retryToolCalls;
  return SAFE_REQUESTS.has(message.method) || message.method.endsWith('/list');
}

/** Statuses worth another attempt: overload (429) and server failures, except those that never heal (501, 505). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** A `Retry-After` value (delay in seconds, or an HTTP date) in milliseconds from `now`; undefined when absent or invalid. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** What to do about one refused attempt. */
export interface RetryPlan {
  /** Attempts already retried. */
  attempt: number;
  maxRetries: number;
  /** The policy for when the server gave no `Retry-After`. */
  backoff: (attempt: number) => number | undefined;
  maxRetryAfterMs: number;
}

/** The delay before the next attempt, honouring `Retry-After` up to the cap; undefined to give up. */
export function retryDelay(plan: RetryPlan, retryAfter: string | null | undefined): number | undefined {
  if (plan.attempt >= plan.maxRetries) return undefined;
  const asked = parseRetryAfter(retryAfter);
  if (asked !== undefined) return Math.min(asked, plan.maxRetryAfterMs);
  return plan.backoff(plan.attempt);
}

function hint(status: number): string {
  if (status === 404) return 'check the URL of the MCP endpoint';
  if (status === 405)
    return 'the URL does not accept this method; if the server speaks the older HTTP+SSE transport (2024-11-05), use @mcpx/sse';
  if (status === 406 || status === 415) return 'the server does not accept MCP Streamable HTTP requests at this URL';
  if (status === 429) return 'the server is rate limiting; slow down or retry later';
  if (status >= 500) return 'the server failed; retry later or check its logs';
  return 'check the URL and the server configuration';
}

/** A `TransportError` for an unexpected status, with the start of the body; consumes the body. */
export async function statusError(
  scope: ErrorScope,
  response: HttpResponse,
  url: URL,
  what: string,
  method?: string,
): Promise<TransportError> {
  return statusErrorWithBody(scope, response, url, what, await excerpt(response), method);
}

/** A `TransportError` for an unexpected status whose body was already read: `body` is its text. */
export function statusErrorWithBody(
  scope: ErrorScope,
  response: HttpResponse,
  url: URL,
  what: string,
  body: string,
  method?: string,
): TransportError {
  const flat = body.replace(/\s+/g, ' ').trim();
  const shown = flat ? ` with "${flat.length > 200 ? `${flat.slice(0, 200)}…` : flat}"` : '';
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return transportError(scope, `${what}: ${url.href} answered ${response.status}${statusText}${shown}; ${hint(response.status)}`, {
    status: response.status,
    isRetryable: isRetryableStatus(response.status) || response.status === 408,
    method,
  });
}
