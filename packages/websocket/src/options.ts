import { validateHeaderName, validateHeaderValue } from 'node:http';
import { ConfigError, type AuthProvider } from '@mcpx/core';
import { checkOptions, integerOption, NETWORK_TRANSPORT_OPTION_HINTS, type OptionKeys } from '@mcpx/core/internal';

/** A PEM value for the TLS options: one, or several in an array. */
export type PemInput = string | Buffer | Array<string | Buffer>;

/** TLS settings for `wss://` URLs: the subset of Node's `tls.connect()` options a client needs. */
export interface WebSocketTlsOptions {
  /** Certificate authorities to trust instead of Node's bundled list, such as a private CA. @default Node's root certificates */
  ca?: PemInput | undefined;
  /** Client certificate chain, for servers that require mutual TLS. */
  cert?: PemInput | undefined;
  /** Private key of the client certificate. */
  key?: PemInput | undefined;
  /** Refuse servers whose certificate does not verify. Turn off only for local testing. @default true */
  rejectUnauthorized?: boolean | undefined;
  /** Server name for SNI and certificate checks, when it differs from the URL's host. @default the URL's host */
  servername?: string | undefined;
}

/** Options of a `WebSocketTransport`. The URL is the constructor's first argument. */
export interface WebSocketTransportOptions {
  /** Headers sent with the upgrade request, such as `Authorization`. @default {} */
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Supplies credentials: its `headers()` is called before each upgrade request, and on a 401
   * or 403 answer its `onUnauthorized()` decides whether to try again (up to `AUTH_RETRY_LIMIT` times). `bearerAuth(token)`
   * from `@mcpx/core` sends a static token.
   */
  authProvider?: AuthProvider | undefined;
  /** TLS settings for `wss://` URLs. @default {} */
  tls?: WebSocketTlsOptions | undefined;
  /**
   * Largest message accepted from the server, in bytes. A larger one is an error that closes
   * the connection (close code 1009). @default 10485760 (10 MiB)
   */
  maxPayload?: number | undefined;
  /** How long opening the connection may take, from the TCP connection to the accepted upgrade. @default 10000 */
  handshakeTimeoutMs?: number | undefined;
  /** Milliseconds from the last pong (or the opening) to the next WebSocket ping; `0` sends no pings. @default 30000 */
  heartbeatIntervalMs?: number | undefined;
  /** How long the server gets to answer a ping with a pong before the connection is considered dead. @default 10000 */
  pongTimeoutMs?: number | undefined;
  /** How long `close()` waits for the server to answer the close frame before cutting the socket. @default 1000 */
  closeTimeoutMs?: number | undefined;
  /** The server's name, shown in error messages. */
  name?: string | undefined;
}

/** TLS settings as `ws` takes them; internal. */
export interface ResolvedTls {
  ca?: PemInput;
  cert?: PemInput;
  key?: PemInput;
  rejectUnauthorized?: boolean;
  servername?: string;
}

/** Options with their defaults applied; internal. */
export interface ResolvedWebSocketOptions {
  url: URL;
  headers: Readonly<Record<string, string>>;
  authProvider: AuthProvider | undefined;
  tls: ResolvedTls;
  maxPayload: number;
  handshakeTimeoutMs: number;
  heartbeatIntervalMs: number;
  pongTimeoutMs: number;
  closeTimeoutMs: number;
  name: string | undefined;
}

const SCHEMES = ['ws:', 'wss:', 'http:', 'https:'];

const WEBSOCKET_OPTION_KEYS = {
  headers: true,
  authProvider: true,
  tls: { ca: true, cert: true, key: true, rejectUnauthorized: true, servername: true } satisfies OptionKeys<WebSocketTlsOptions>,
  maxPayload: true,
  handshakeTimeoutMs: true,
  heartbeatIntervalMs: true,
  pongTimeoutMs: true,
  closeTimeoutMs: true,
  name: true,
} as const satisfies OptionKeys<WebSocketTransportOptions>;

/** Applies defaults and checks values, throwing a `ConfigError` that names the bad option. */
export function resolveOptions(url: string | URL, options: WebSocketTransportOptions): ResolvedWebSocketOptions {
  const name = options.name;
  checkOptions(options, WEBSOCKET_OPTION_KEYS, {
    where: 'new WebSocketTransport(url, options)',
    server: name,
    hints: NETWORK_TRANSPORT_OPTION_HINTS,
  });
  const fail = (message: string): never => {
    throw new ConfigError(`WebSocketTransport: ${message}`, { server: name });
  };
  const headers = options.headers ?? {};
  if (typeof headers !== 'object' || headers === null) fail('"headers" must be an object of string values');
  for (const [header, value] of Object.entries(headers)) {
    if (typeof value !== 'string') fail(`"headers" must be an object of string values; "${header}" is ${typeof value}`);
    try {
      validateHeaderName(header);
      validateHeaderValue(header, value);
    } catch (error) {
      fail(`"headers" has an invalid header "${header}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const authProvider = options.authProvider;
  if (authProvider !== undefined && typeof authProvider.headers !== 'function') fail('"authProvider" must have a headers() method');
  return {
    url: parseUrl(url, fail),
    headers,
    authProvider,
    tls: resolveTls(options.tls ?? {}),
    maxPayload: integerOption('maxPayload', options.maxPayload, { fallback: 10 * 1024 * 1024, min: 1 }, fail),
    handshakeTimeoutMs: integerOption('handshakeTimeoutMs', options.handshakeTimeoutMs, { fallback: 10_000, min: 1 }, fail),
    heartbeatIntervalMs: integerOption('heartbeatIntervalMs', options.heartbeatIntervalMs, { fallback: 30_000, min: 0 }, fail),
    pongTimeoutMs: integerOption('pongTimeoutMs', options.pongTimeoutMs, { fallback: 10_000, min: 1 }, fail),
    closeTimeoutMs: integerOption('closeTimeoutMs', options.closeTimeoutMs, { fallback: 1000, min: 0 }, fail),
    name,
  };
}

function parseUrl(url: string | URL, fail: (message: string) => never): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`the URL ${JSON.stringify(String(url))} is not a valid absolute URL`);
  }
  if (!SCHEMES.includes(parsed.protocol)) fail(`the URL must start with ws://, wss://, http:// or https://, got ${parsed.protocol}//`);
  if (parsed.hash !== '') fail('the URL must not have a fragment (#...)');
  return parsed;
}

/** Copies only the TLS options that are set, so `ws` sees no `undefined` values. */
function resolveTls(tls: WebSocketTlsOptions): ResolvedTls {
  const resolved: ResolvedTls = {};
  if (tls.ca !== undefined) resolved.ca = tls.ca;
  if (tls.cert !== undefined) resolved.cert = tls.cert;
  if (tls.key !== undefined) resolved.key = tls.key;
  if (tls.rejectUnauthorized !== undefined) resolved.rejectUnauthorized = tls.rejectUnauthorized;
  if (tls.servername !== undefined) resolved.servername = tls.servername;
  return resolved;
}

/** The URL for error messages, without a password it may carry. */
export function describeUrl(url: URL): string {
  if (url.password === '') return url.href;
  const shown = new URL(url.href);
  shown.password = '***';
  return shown.href;
}
