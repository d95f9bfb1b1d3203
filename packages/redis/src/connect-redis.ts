import { createClient } from '@redis/client';
import { ConfigError, exponentialBackoff, type BackoffPolicy } from '@mcpx/core';
import { checkOptions, integerOption, redactUrl, type OptionKeys } from '@mcpx/core/internal';
import type { RedisClient } from './client.js';
import { RedisConnectError } from './redis-connect-error.js';

/** Milliseconds `connectRedis` waits for Redis by default (`connectTimeoutMs`). */
export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 5000;

/**
 * The default delay before each reconnection to Redis: 50 ms, doubling, capped at 2 s, each
 * minus up to 20 % at random; it never gives up, so a client reconnects by itself once Redis is back.
 */
export const redisReconnectDelay: BackoffPolicy = exponentialBackoff({ initialMs: 50, maxMs: 2000, jitter: 0.2 });

/** Options of `connectRedis`. */
export interface ConnectRedisOptions {
  /**
   * Milliseconds to wait for Redis to answer, retrying meanwhile, before `connectRedis` rejects
   * with a `RedisConnectError`.
   * @default 5000
   */
  connectTimeoutMs?: number;
  /**
   * Milliseconds to wait before reconnection `attempt` (0 for the first) after the connection is
   * lost, or before trying again while connecting; `undefined` to give up for good.
   * A refused password or user (`WRONGPASS`, `NOAUTH`, `NOPERM`) is never retried.
   * @default redisReconnectDelay (50 ms doubling up to 2 s)
   */
  backoff?: BackoffPolicy;
  /**
   * Called with every error of the connection (a lost socket, a failed reconnection). The stores
   * report their own failures (the client's `warning` event), so this is for logging only.
   * @default ignores them
   */
  onError?: (error: Error) => void;
}

const OPTION_KEYS = {
  connectTimeoutMs: true,
  backoff: true,
  onError: true,
} as const satisfies OptionKeys<ConnectRedisOptions>;

/**
 * Connects to Redis at `url` (`redis://[[user]:password@]host[:port][/db]`, or `rediss://` for
 * TLS) with the settings a cache wants: commands fail at once while the connection is down (no
 * offline queue) instead of piling up, and the client reconnects by itself with a capped backoff.
 * Rejects with a `RedisConnectError`, naming the URL with its password redacted, when Redis does
 * not answer within `connectTimeoutMs`. Close the client with `client.close()` when done.
 *
 * @example
 * const redis = await connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
 * const client = new McpClient({ cache: { store: redisCacheStore(redis) }, eraCache: redisEraStore(redis) });
 */
export async function connectRedis(url: string, options: ConnectRedisOptions = {}): Promise<RedisClient> {
  checkOptions(options, OPTION_KEYS, { where: 'connectRedis(url, options)' });
  const shown = redactUrl(url);
  const timeoutMs = integerOption(
    'connectTimeoutMs',
    options.connectTimeoutMs,
    { fallback: DEFAULT_REDIS_CONNECT_TIMEOUT_MS, min: 1 },
    (message) => {
      throw new ConfigError(`connectRedis(url, options): ${message}`);
    },
  );
  const delay = options.backoff ?? redisReconnectDelay;
  // Trying again cannot mend a refused password or user.
  const reconnectStrategy = (retries: number, cause: unknown): number | false =>
    isRefusedLogin(cause) ? false : (delay(retries) ?? false);
  let client: RedisClient;
  try {
    client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: timeoutMs, reconnectStrategy } });
  } catch (error) {
    // A URL that does not parse: Node's TypeError keeps it, password included, in its `input`,
    // which util.inspect shows; the cause is a plain error with the reason only.
    throw new RedisConnectError(shown, reasonOf(error), { cause: new Error(reasonOf(error)), retryable: false });
  }
  let last: unknown;
  // Without a listener, an 'error' event would crash the process; the stores report failures.
  client.on('error', (error: Error) => {
    last = error;
    options.onError?.(error);
  });
  const connecting = client.connect();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([connecting.then(() => 'connected' as const), deadline]);
    if (outcome === 'connected') return client;
  } catch (error) {
    client.destroy();
    const cause = last ?? error;
    throw new RedisConnectError(shown, reasonOf(cause), { cause, retryable: !isRefusedLogin(cause) });
  } finally {
    clearTimeout(timer);
  }
  // destroy() makes the pending connect() reject with a ClientClosedError, which nobody needs.
  connecting.catch(() => undefined);
  client.destroy();
  const why = last === undefined ? `no answer within ${timeoutMs} ms` : `${reasonOf(last)}, still failing after ${timeoutMs} ms`;
  throw new RedisConnectError(shown, why, { cause: last });
}

/** Whether `error` is Redis refusing the password, the user or its rights: retrying cannot help. */
function isRefusedLogin(error: unknown): boolean {
  return error instanceof Error && /^(WRONGPASS|NOAUTH|NOPERM)\b/.test(error.message);
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // A refused connection to a host with several addresses is an AggregateError with no message.
  if (error.message === '' && error instanceof AggregateError) return error.errors.map(reasonOf).join('; ');
  return error.message;
}
