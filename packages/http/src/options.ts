import { ConfigError, exponentialBackoff, type AuthProvider, type BackoffPolicy } from '@mcpx/core';
import { checkOptions, integerOption, NETWORK_TRANSPORT_OPTION_HINTS, type OptionKeys } from '@mcpx/core/internal';
import type { Dispatcher } from 'undici';
import type { FetchLike, HttpRequestInit } from './fetch.js';

/** How lost SSE streams are reconnected (the GET stream, and POST streams that can be resumed). */
export interface ReconnectOptions {
  /**
   * Delay before reconnection `attempt` (0 for the first), used when the server gave no
   * `retry:` field; `undefined` gives up. @default exponentialBackoff({ initialMs: 500, maxMs: 10000 }), with jitter
   */
  backoff?: BackoffPolicy | undefined;
  /** Reconnection attempts in a row, without an event received in between, before giving up. @default 5 */
  maxRetries?: number | undefined;
}

/** How requests answered with 5xx or 429 (or lost to a network error) are retried. */
export interface RetryOptions {
  /**
   * Retries after the first attempt. Only messages that are safe to repeat are retried:
   * notifications, responses, `initialize`, `server/discover`, `ping`, the `…/list` methods, `resources/read`,
   * `prompts/get`, `completion/complete`, `logging/setLevel`, `resources/(un)subscribe`. @default 2
   */
  maxRetries?: number | undefined;
  /** Retry `tools/call` too. Only for tools that are safe to run twice. @default false */
  retryToolCalls?: boolean | undefined;
  /** Delay before retry `attempt` when the server sent no `Retry-After`. @default exponentialBackoff({ initialMs: 250, maxMs: 4000 }) */
  backoff?: BackoffPolicy | undefined;
  /** Longest `Retry-After` honoured, in milliseconds; a longer one is cut to this. @default 30000 */
  maxRetryAfterMs?: number | undefined;
  /**
   * Told of each retry just before its wait, in the async context of the request retried (so an
   * OpenTelemetry hook sees the request's span as active). What it throws is ignored. @default none
   */
  onRetry?: ((retry: HttpRetry) => void) | undefined;
}

/** One retry of a request, as `RetryOptions.onRetry` is told of it. */
export interface HttpRetry {
  /** The URL that refused, without credentials, query or fragment. */
  url: string;
  /** The JSON-RPC method retried; undefined for a response. */
  method: string | undefined;
  /** The retry about to be made: 1 for the first. */
  attempt: number;
  /** How long the request waits before it, in milliseconds. */
  delayMs: number;
  /** The HTTP status that refused the request; undefined after a network failure. */
  status?: number | undefined;
  /** The network failure; undefined after a refusal with a status. */
  error?: unknown;
}

/** Options of a `StreamableHttpTransport`. The URL of the MCP endpoint is the constructor's first argument. */
export interface StreamableHttpTransportOptions {
  /** Headers sent with every request, for example a static `Authorization` or API key header. @default {} */
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Names of headers, besides `Authorization`, `Cookie`, `Proxy-Authorization`, `Mcp-Session-Id`
   * and those the `authProvider` adds, that must never be sent to another origin when
   * following a redirect, such as `['x-api-key']`. @default []
   */
  secretHeaders?: readonly string[] | undefined;
  /** Supplies credentials for each request and is told about 401 and 403 answers. @default none */
  authProvider?: AuthProvider | undefined;
  /**
   * A `fetch` to send requests with, for runtimes without undici. Without one, requests go
   * straight through undici's dispatcher, which is much faster than any `fetch`. @default none
   */
  fetch?: FetchLike | undefined;
  /** The undici dispatcher (an `Agent`, a `Pool`, a `ProxyAgent`...) requests go through. @default undici's global dispatcher */
  dispatcher?: Dispatcher | undefined;
  /**
   * Further `fetch` options for every request (everything but method, body, headers, signal,
   * redirect). Setting any sends requests through undici's `fetch` instead of straight through
   * its dispatcher, which is slower. @default {}
   */
  requestInit?: HttpRequestInit | undefined;
  /** Reconnection of lost SSE streams. @default { maxRetries: 5 } with a 500 ms to 10 s backoff */
  reconnect?: ReconnectOptions | undefined;
  /** Retries of requests answered with 5xx or 429. @default { maxRetries: 2, retryToolCalls: false } */
  retry?: RetryOptions | undefined;
  /** Largest SSE event and largest JSON body accepted, in bytes. @default 10485760 (10 MiB) */
  maxEventBytes?: number | undefined;
  /** Redirects followed per request. @default 5 */
  maxRedirects?: number | undefined;
  /** How long `close()` waits for the server to answer the session `DELETE`, in milliseconds; 0 sends no DELETE. @default 2000 */
  closeTimeoutMs?: number | undefined;
  /** The server's name, shown in error messages. @default none */
  name?: string | undefined;
}

/** Options with their defaults applied; internal. */
export interface ResolvedHttpOptions {
  url: URL;
  headers: Readonly<Record<string, string>>;
  secretHeaders: ReadonlySet<string>;
  authProvider: AuthProvider | undefined;
  fetch: FetchLike | undefined;
  dispatcher: Dispatcher | undefined;
  requestInit: HttpRequestInit;
  reconnect: { backoff: BackoffPolicy; maxRetries: number };
  retry: {
    maxRetries: number;
    retryToolCalls: boolean;
    backoff: BackoffPolicy;
    maxRetryAfterMs: number;
    onRetry: ((retry: HttpRetry) => void) | undefined;
  };
  maxEventBytes: number;
  maxRedirects: number;
  closeTimeoutMs: number;
  name: string | undefined;
}

/** The default delay between reconnections of an SSE stream. */
export const defaultReconnectBackoff: BackoffPolicy = exponentialBackoff({ initialMs: 500, maxMs: 10_000 });
/** The default delay between retries of a request answered with 5xx or 429. */
export const defaultRetryBackoff: BackoffPolicy = exponentialBackoff({ initialMs: 250, maxMs: 4000 });

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const HTTP_OPTION_KEYS = {
  headers: true,
  secretHeaders: true,
  authProvider: true,
  fetch: true,
  dispatcher: true,
  requestInit: true,
  reconnect: { backoff: true, maxRetries: true } satisfies OptionKeys<ReconnectOptions>,
  retry: { maxRetries: true, retryToolCalls: true, backoff: true, maxRetryAfterMs: true, onRetry: true } satisfies OptionKeys<RetryOptions>,
  maxEventBytes: true,
  maxRedirects: true,
  closeTimeoutMs: true,
  name: true,
} as const satisfies OptionKeys<StreamableHttpTransportOptions>;

/** What to do with keys that belong elsewhere: the common ones of every transport, and "maxRetries", which has two places. */
const HTTP_OPTION_HINTS: Readonly<Record<string, string>> = {
  ...NETWORK_TRANSPORT_OPTION_HINTS,
  maxRetries: 'it belongs under "retry" (a failed request) or "reconnect" (a dropped stream)',
};

/** Applies defaults and checks values, throwing a `ConfigError` that names the bad option. */
export function resolveOptions(url: string | URL, options: StreamableHttpTransportOptions = {}): ResolvedHttpOptions {
  const name = options.name;
  checkOptions(options, HTTP_OPTION_KEYS, { where: 'new StreamableHttpTransport(url, options)', server: name, hints: HTTP_OPTION_HINTS });
  const fail = (message: string): never => {
    throw new ConfigError(`StreamableHttpTransport: ${message}`, { server: name });
  };
  const parsed = parseUrl(url, fail);
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.headers ?? {})) {
    if (!HEADER_NAME.test(key)) fail(`"headers" has an invalid header name ${JSON.stringify(key)}`);
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) fail(`"headers.${key}" must be a string without line breaks`);
    headers[key.toLowerCase()] = value;
  }
  const secretHeaders = options.secretHeaders ?? [];
  if (!Array.isArray(secretHeaders) || !secretHeaders.every((h) => typeof h === 'string'))
    fail('"secretHeaders" must be an array of header names');
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('"fetch" must be a function');
  const reconnect = options.reconnect ?? {};
  const retry = options.retry ?? {};
  return {
    url: parsed,
    headers,
    secretHeaders: new Set(secretHeaders.map((h: string) => h.toLowerCase())),
    authProvider: options.authProvider,
    fetch: options.fetch,
    dispatcher: options.dispatcher,
    requestInit: options.requestInit ?? {},
    reconnect: {
      backoff: policy('reconnect.backoff', reconnect.backoff, defaultReconnectBackoff, fail),
      maxRetries: integerOption('reconnect.maxRetries', reconnect.maxRetries, { fallback: 5, min: 0 }, fail),
    },
    retry: {
      maxRetries: integerOption('retry.maxRetries', retry.maxRetries, { fallback: 2, min: 0 }, fail),
      retryToolCalls: retry.retryToolCalls ?? false,
      backoff: policy('retry.backoff', retry.backoff, defaultRetryBackoff, fail),
      maxRetryAfterMs: integerOption('retry.maxRetryAfterMs', retry.maxRetryAfterMs, { fallback: 30_000, min: 0 }, fail),
      onRetry: hook('retry.onRetry', retry.onRetry, fail),
    },
    maxEventBytes: integerOption('maxEventBytes', options.maxEventBytes, { fallback: 10 * 1024 * 1024, min: 1 }, fail),
    maxRedirects: integerOption('maxRedirects', options.maxRedirects, { fallback: 5, min: 0 }, fail),
    closeTimeoutMs: integerOption('closeTimeoutMs', options.closeTimeoutMs, { fallback: 2000, min: 0 }, fail),
    name,
  };
}

function parseUrl(url: string | URL, fail: (message: string) => never): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    return fail(`${JSON.stringify(String(url))} is not a valid URL (${error instanceof Error ? error.message : String(error)})`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`the URL must be http: or https:, got ${parsed.protocol}`);
  if (parsed.username !== '' || parsed.password !== '')
    fail('the URL must not contain a user name or password; pass credentials in "headers" or an "authProvider"');
  parsed.hash = '';
  return parsed;
}

function policy(key: string, value: BackoffPolicy | undefined, fallback: BackoffPolicy, fail: (message: string) => never): BackoffPolicy {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') fail(`"${key}" must be a function (attempt) => delay in ms`);
  return value;
}

function hook<T extends (...args: never[]) => unknown>(key: string, value: T | undefined, fail: (message: string) => never): T | undefined {
  if (value !== undefined && typeof value !== 'function') fail(`"${key}" must be a function`);
  return value;
}
