import { ConfigError, exponentialBackoff, type AuthProvider, type BackoffPolicy } from '@mcpx/core';
import { checkOptions, integerOption, NETWORK_TRANSPORT_OPTION_HINTS, type OptionKeys } from '@mcpx/core/internal';
import type { Dispatcher } from 'undici';
import type { SseFetch } from './fetch.js';

/** How the transport reopens a dropped event stream. */
export interface SseReconnectOptions {
  /**
   * Delay in milliseconds before reconnection attempt `attempt` (0 for the first), or
   * `undefined` to give up. A `retry:` field sent by the server replaces the delay, not the
   * decision to give up.
   * @default exponentialBackoff() from `@mcpx/core`: 1 s, 2 s, 4 s... capped at 30 s, with jitter
   */
  backoff?: BackoffPolicy | undefined;
  /** Attempts in a row before giving up; the count starts again after a successful reconnection. @default 5 */
  maxRetries?: number | undefined;
}

/** Options of an `SseTransport`. The URL of the event stream is the constructor's first argument. */
export interface SseTransportOptions {
  /** Headers sent with every request, the GET of the stream and each POST. @default {} */
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Supplies credentials: its `headers()` is called for every request, and on 401 or 403 its
   * `onUnauthorized()` decides whether the request is tried once more. `bearerAuth(token)`
   * from `@mcpx/core` sends a static token.
   */
  authProvider?: AuthProvider | undefined;
  /**
   * A `fetch` to use instead of undici's, such as `globalThis.fetch` or a wrapper of your own.
   * Cannot be combined with `dispatcher`: bind a dispatcher inside your `fetch` instead.
   * @default undici's `fetch`
   */
  fetch?: SseFetch | undefined;
  /**
   * The undici dispatcher (an `Agent`, a `ProxyAgent`...) for every request. Yours stays open
   * when the transport closes. Give it `bodyTimeout: 0`, or an idle stream is cut after
   * `bodyTimeout` and reconnected.
   * @default a keep-alive `Agent` with `bodyTimeout: 0`, owned and closed by the transport
   */
  dispatcher?: Dispatcher | undefined;
  /**
   * How long opening the stream may take, from the GET until the server's `endpoint` event, in
   * milliseconds. Also bounds each reconnection attempt.
   * @default 10000
   */
  endpointTimeoutMs?: number | undefined;
  /** How a dropped stream is reopened; `false` closes the transport on the first drop instead. @default { maxRetries: 5 } */
  reconnect?: SseReconnectOptions | false | undefined;
  /** Largest event accepted from the server, in bytes; a larger one is an error that drops the stream. @default 10485760 (10 MiB) */
  maxEventBytes?: number | undefined;
  /** The server's name, shown in error messages. */
  name?: string | undefined;
}

/** Reconnection settings with their defaults applied; internal. */
export interface ResolvedReconnect {
  backoff: BackoffPolicy;
  maxRetries: number;
}

/** Options with their defaults applied; internal. */
export interface ResolvedSseOptions {
  url: URL;
  /** Names in lower case. */
  headers: Readonly<Record<string, string>>;
  authProvider: AuthProvider | undefined;
  fetch: SseFetch | undefined;
  dispatcher: Dispatcher | undefined;
  endpointTimeoutMs: number;
  reconnect: ResolvedReconnect | false;
  maxEventBytes: number;
  name: string | undefined;
}

const SSE_OPTION_KEYS = {
  headers: true,
  authProvider: true,
  fetch: true,
  dispatcher: true,
  endpointTimeoutMs: true,
  reconnect: { backoff: true, maxRetries: true } satisfies OptionKeys<SseReconnectOptions>,
  maxEventBytes: true,
  name: true,
} as const satisfies OptionKeys<SseTransportOptions>;

/** Applies defaults and checks values, throwing a `ConfigError` that names the bad option. */
export function resolveOptions(url: string | URL, options: SseTransportOptions): ResolvedSseOptions {
  const name = options.name;
  checkOptions(options, SSE_OPTION_KEYS, { where: 'new SseTransport(url, options)', server: name, hints: NETWORK_TRANSPORT_OPTION_HINTS });
  const fail = (message: string): never => {
    throw new ConfigError(`SseTransport: ${message}`, { server: name });
  };
  const parsed = parseUrl(url, fail);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('"fetch" must be a function');
  if (options.fetch !== undefined && options.dispatcher !== undefined) {
    fail('give either "fetch" or "dispatcher", not both; to use a dispatcher with your own fetch, pass it inside that fetch');
  }
  const given = options.headers ?? {};
  if (typeof given !== 'object' || Object.values(given).some((value) => typeof value !== 'string'))
    fail('"headers" must be an object of strings');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) headers[name.toLowerCase()] = value;
  return {
    url: parsed,
    headers,
    authProvider: options.authProvider,
    fetch: options.fetch,
    dispatcher: options.dispatcher,
    endpointTimeoutMs: integerOption('endpointTimeoutMs', options.endpointTimeoutMs, { fallback: 10_000, min: 1 }, fail),
    reconnect: resolveReconnect(options.reconnect, fail),
    maxEventBytes: integerOption('maxEventBytes', options.maxEventBytes, { fallback: 10 * 1024 * 1024, min: 1 }, fail),
    name,
  };
}

function parseUrl(url: string | URL, fail: (message: string) => never): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`the URL ${JSON.stringify(String(url))} is not an absolute URL; give one such as http://127.0.0.1:3001/sse`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`the URL must be http: or https:, got ${parsed.protocol}`);
  if (parsed.username !== '' || parsed.password !== '')
    fail('the URL must not hold credentials; send them with "headers" or "authProvider"');
  return parsed;
}

function resolveReconnect(reconnect: SseReconnectOptions | false | undefined, fail: (message: string) => never): ResolvedReconnect | false {
  if (reconnect === false) return false;
  if (reconnect !== undefined && typeof reconnect !== 'object') fail('"reconnect" must be an object or false');
  const backoff = reconnect?.backoff ?? exponentialBackoff();
  if (typeof backoff !== 'function') fail('"reconnect.backoff" must be a function');
  return { backoff, maxRetries: integerOption('reconnect.maxRetries', reconnect?.maxRetries, { fallback: 5, min: 0 }, fail) };
}
