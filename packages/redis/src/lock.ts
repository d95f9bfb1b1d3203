import { randomBytes } from 'node:crypto';
import { TokenStoreError, type ReleaseLock } from '@mcpx/core';
import type { RedisClient } from './client.js';

/** Deletes the lock only if it still holds this taker's token: one whose ttl ran out may be someone else's now. */
const RELEASE_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
/** Extends the lock's ttl only if it still holds this taker's token; 0 when it does not (lost). */
const RENEW_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
/** The least time one attempt to take a lock waits for Redis to answer (capped by `commandTimeoutMs`). */
const MIN_ATTEMPT_MS = 1_000;
/** The first pause between two attempts to take a held lock; it doubles up to `MAX_POLL_MS`. */
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 100;

/**
 * Takes the lock at `key` (`SET key <random token> NX PX ttlMs`), trying again with a growing
 * pause (5 ms doubling to 100 ms) while another holds it. Each attempt waits for Redis at most
 * `commandTimeoutMs` (and no longer than what is left of the wait), sent or not. Rejects with a
 * `TokenStoreError` when the lock is still held `ttlMs` after the first attempt or Redis fails,
 * and with the signal's reason when `signal` aborts.
 *
 * While held, the lock is renewed every third of `ttlMs` (compare and `PEXPIRE` in one Lua
 * script); when a renewal finds the lock gone or another's, or cannot reach Redis before the ttl
 * runs out, `lost` aborts. The release deletes the key only while it holds this token (compare and
 * delete in one Lua script), is bounded by `commandTimeoutMs`, and never rejects: a lock it cannot
 * delete expires by itself.
 */
export async function takeLock(
  client: RedisClient,
  key: string,
  ttlMs: number,
  commandTimeoutMs: number,
  signal?: AbortSignal,
): Promise<ReleaseLock> {
  // PX takes whole milliseconds.
  ttlMs = Math.max(1, Math.ceil(ttlMs));
  const token = randomBytes(16).toString('hex');
  const deadline = Date.now() + ttlMs;
  let pauseMs = FIRST_POLL_MS;
  for (;;) {
    signal?.throwIfAborted();
    // What is left of the wait, but never less than a second (or commandTimeoutMs): a command given
    // 1 ms near the deadline would time out on a busy machine and read as Redis being down.
    const leftMs = Math.min(commandTimeoutMs, Math.max(MIN_ATTEMPT_MS, deadline - Date.now()));
    let answer: string | null;
    try {
      // Bounded by what is left of the wait, and by the signal, whether the command was sent or not.
      const options = { timeout: leftMs, rejectInFlight: true, ...(signal === undefined ? {} : { abortSignal: signal }) };
      answer = await client.withCommandOptions(options).set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    } catch (error) {
      if (signal?.aborted === true) throw signal.reason;
      throw new TokenStoreError(`the lock ${key} could not be taken in Redis (${(error as Error).message}): check that Redis is up`, {
        cause: error,
      });
    }
    if (answer === 'OK') return heldLock(client, key, token, ttlMs, commandTimeoutMs);
    if (Date.now() >= deadline)
      throw new TokenStoreError(
        `the lock ${key} in Redis was still held by others after ${ttlMs} ms of waiting (a longer ttl than this one, or several holders in turn)`,
      );
    await pause(Math.min(pauseMs, Math.max(1, deadline - Date.now())), signal);
    pauseMs = Math.min(pauseMs * 2, MAX_POLL_MS);
  }
}

/** The release of a lock just taken, renewing it every third of its ttl until released or lost. */
function heldLock(client: RedisClient, key: string, token: string, ttlMs: number, commandTimeoutMs: number): ReleaseLock {
  const lost = new AbortController();
  // A renewal waits for Redis no longer than a third of the ttl, so that the next one still comes in time.
  const everyMs = Math.max(1, Math.floor(ttlMs / 3));
  const renewing = client.withCommandOptions({ timeout: Math.min(commandTimeoutMs, everyMs), rejectInFlight: true });
  let expiresAt = Date.now() + ttlMs;
  let released: Promise<void> | undefined;
  const renew = async (): Promise<void> => {
    const sentAt = Date.now();
    try {
      const renewed = await renewing.eval(RENEW_SCRIPT, { keys: [key], arguments: [token, String(ttlMs)] });
      if (released !== undefined) return;
      if (renewed === 1) {
        expiresAt = sentAt + ttlMs;
        return;
      }
      stop(new TokenStoreError(`the lock ${key} in Redis expired or was taken by another before it could be renewed`));
    } catch (error) {
      if (released !== undefined) return;
      // Redis did not answer this time: the lock holds until its ttl, and the next renewal may still come in time.
      if (Date.now() + everyMs >= expiresAt)
        stop(
          new TokenStoreError(`the lock ${key} could not be renewed in Redis (${(error as Error).message}) before its ttl ran out`, {
            cause: error,
          }),
        );
    }
  };
  // renew() never rejects: a failure it cannot recover from aborts `lost`.
  const timer = setInterval(() => void renew(), everyMs);
  // A held lock does not keep the process alive.
  timer.unref();
  const stop = (reason: TokenStoreError): void => {
    clearInterval(timer);
    lost.abort(reason);
  };
  const release = (() => {
    if (released === undefined) {
      clearInterval(timer);
      released = client
        .withCommandOptions({ timeout: commandTimeoutMs, rejectInFlight: true })
        .eval(RELEASE_SCRIPT, { keys: [key], arguments: [token] })
        .then(
          () => undefined,
          // Not deleted (Redis down): the lock expires at its ttl, which bounds every wait for it.
          () => undefined,
        );
    }
    return released;
  }) as ReleaseLock & { lost: AbortSignal };
  Object.defineProperty(release, 'lost', { value: lost.signal, enumerable: true });
  return release;
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
