import { ConfigError, type AuthProvider } from '@mcpx/core';
import { checkOptions, integerOption, NETWORK_TRANSPORT_OPTION_HINTS, type OptionKeys } from '@mcpx/core/internal';
import { metadataProblem } from './metadata.js';

/** A PEM value for the TLS options. */
export type PemInput = string | Buffer;

/** TLS for `grpcs://` targets, through grpc-js's SSL credentials. */
export interface GrpcTlsOptions {
  /** Certificate authorities to trust instead of Node's bundled list, such as a private CA. @default Node's root certificates */
  ca?: PemInput | undefined;
  /** Client certificate chain, for servers that require mutual TLS (with `key`). */
  cert?: PemInput | undefined;
  /** Private key of the client certificate (with `cert`). */
  key?: PemInput | undefined;
  /** Name the server's certificate must carry, when it differs from the target's host (sent as SNI and `:authority`). @default the target's host */
  servername?: string | undefined;
}

/** Delays between attempts of the channel to connect again after it lost its connection (grpc-js's own backoff, with jitter). */
export interface GrpcReconnectOptions {
  /** Delay before the first attempt, in milliseconds. @default 1000 */
  initialDelayMs?: number | undefined;
  /** Longest delay between attempts, in milliseconds. @default 30000 */
  maxDelayMs?: number | undefined;
}

/** Options of a `GrpcTransport`. The target (`grpc://host:port` or `grpcs://host:port`) is the constructor's first argument. */
export interface GrpcTransportOptions {
  /** Metadata sent with every call (lower-case keys), such as an API key. @default {} */
  metadata?: Readonly<Record<string, string>> | undefined;
  /**
   * Supplies credentials: its `headers()` are sent as call metadata on every call, and a call
   * refused with `UNAUTHENTICATED` (as 401) or `PERMISSION_DENIED` (as 403) goes to its
   * `onUnauthorized()`, which decides whether to try again (up to `AUTH_RETRY_LIMIT` times).
   */
  authProvider?: AuthProvider | undefined;
  /** TLS and mutual TLS for `grpcs://` targets. @default {} */
  tls?: GrpcTlsOptions | undefined;
  /** How long `start()` waits for the channel to connect, in milliseconds. @default 10000 */
  connectTimeoutMs?: number | undefined;
  /**
   * Milliseconds between HTTP/2 keepalive pings, sent while calls are in flight; `0` sends none.
   * The server must allow that interval: gRPC servers (grpc-go, gRPC core) accept one ping every 5
   * minutes by default and close the connection (GOAWAY `too_many_pings`) on more, so ask the
   * server's operator before going under 300000. @default 0
   */
  keepaliveIntervalMs?: number | undefined;
  /** How long the server gets to answer a keepalive ping before the connection counts as dead. @default 10000 */
  keepaliveTimeoutMs?: number | undefined;
  /** Largest message accepted from the server, in bytes; a larger one fails its call with `RESOURCE_EXHAUSTED`. @default 10485760 (10 MiB) */
  maxReceiveMessageBytes?: number | undefined;
  /** Largest message sent to the server, in bytes; a larger one fails its call before it leaves. @default 10485760 (10 MiB) */
  maxSendMessageBytes?: number | undefined;
  /** How the channel connects again after it lost its connection. @default {} */
  reconnect?: GrpcReconnectOptions | undefined;
  /** The server's name, shown in error messages. */
  name?: string | undefined;
}

/** Options with their defaults applied; internal. */
export interface ResolvedGrpcOptions {
  /** `host:port`, as grpc-js takes it. */
  address: string;
  secure: boolean;
  /** `grpc://host:port` or `grpcs://host:port`. */
  description: string;
  metadata: Readonly<Record<string, string>>;
  authProvider: AuthProvider | undefined;
  tls: GrpcTlsOptions;
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveTimeoutMs: number;
  maxReceiveMessageBytes: number;
  maxSendMessageBytes: number;
  reconnect: { initialDelayMs: number; maxDelayMs: number };
  name: string | undefined;
}

const GRPC_OPTION_KEYS = {
  metadata: true,
  authProvider: true,
  tls: { ca: true, cert: true, key: true, servername: true } satisfies OptionKeys<GrpcTlsOptions>,
  connectTimeoutMs: true,
  keepaliveIntervalMs: true,
  keepaliveTimeoutMs: true,
  maxReceiveMessageBytes: true,
  maxSendMessageBytes: true,
  reconnect: { initialDelayMs: true, maxDelayMs: true } satisfies OptionKeys<GrpcReconnectOptions>,
  name: true,
} as const satisfies OptionKeys<GrpcTransportOptions>;

/** Applies defaults and checks values, throwing a `ConfigError` that names the bad option. */
export function resolveOptions(target: string | URL, options: GrpcTransportOptions): ResolvedGrpcOptions {
  const name = options.name;
  checkOptions(options, GRPC_OPTION_KEYS, {
    where: 'new GrpcTransport(target, options)',
    server: name,
    hints: NETWORK_TRANSPORT_OPTION_HINTS,
  });
  const fail = (message: string): never => {
    throw new ConfigError(`GrpcTransport: ${message}`, { server: name });
  };
  const { host, port, secure } = parseTarget(target, fail);
  const metadata = options.metadata ?? {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') fail(`"metadata" must be an object of string values; "${key}" is ${typeof value}`);
    const problem = metadataProblem(key, value);
    if (problem !== undefined) fail(`"metadata": ${problem}`);
  }
  const authProvider = options.authProvider;
  if (authProvider !== undefined && typeof authProvider.headers !== 'function') fail('"authProvider" must have a headers() method');
  const tls = options.tls ?? {};
  if (!secure && Object.values(tls).some((value) => value !== undefined))
    fail(`"tls" is set but the target is ${String(target)}: use grpcs:// for TLS`);
  if ((tls.cert === undefined) !== (tls.key === undefined))
    fail('"tls.cert" and "tls.key" go together, for mutual TLS: give both or neither');
  const reconnect = options.reconnect ?? {};
  const initialDelayMs = integerOption('reconnect.initialDelayMs', reconnect.initialDelayMs, { fallback: 1000, min: 1 }, fail);
  return {
    address: `${host}:${port}`,
    secure,
    description: `${secure ? 'grpcs' : 'grpc'}://${host}:${port}`,
    metadata,
    authProvider,
    tls,
    connectTimeoutMs: integerOption('connectTimeoutMs', options.connectTimeoutMs, { fallback: 10_000, min: 1 }, fail),
    keepaliveIntervalMs: integerOption('keepaliveIntervalMs', options.keepaliveIntervalMs, { fallback: 0, min: 0 }, fail),
    keepaliveTimeoutMs: integerOption('keepaliveTimeoutMs', options.keepaliveTimeoutMs, { fallback: 10_000, min: 1 }, fail),
    maxReceiveMessageBytes: integerOption(
      'maxReceiveMessageBytes',
      options.maxReceiveMessageBytes,
      { fallback: 10 * 1024 * 1024, min: 1 },
      fail,
    ),
    maxSendMessageBytes: integerOption('maxSendMessageBytes', options.maxSendMessageBytes, { fallback: 10 * 1024 * 1024, min: 1 }, fail),
    reconnect: {
      initialDelayMs,
      maxDelayMs: integerOption(
        'reconnect.maxDelayMs',
        reconnect.maxDelayMs,
        { fallback: Math.max(30_000, initialDelayMs), min: initialDelayMs },
        fail,
      ),
    },
    name,
  };
}

function parseTarget(target: string | URL, fail: (message: string) => never): { host: string; port: string; secure: boolean } {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return fail(`the target ${JSON.stringify(String(target))} is not a URL; write grpc://host:port or grpcs://host:port`);
  }
  if (url.protocol !== 'grpc:' && url.protocol !== 'grpcs:') fail(`the target must start with grpc:// or grpcs://, got ${url.protocol}//`);
  if (url.username !== '' || url.password !== '') fail('the target must not carry credentials; give them to "authProvider" or "metadata"');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '')
    fail(`the target names a server only (grpc://host:port); the service path is fixed by the binding, got ${url.href}`);
  const secure = url.protocol === 'grpcs:';
  const port = url.port !== '' ? url.port : secure ? '443' : fail('a grpc:// target needs a port (grpc://host:port)');
  return { host: url.hostname, port, secure };
}
