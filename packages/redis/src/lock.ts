import { randomBytes } from 'node:crypto';
import { TokenStoreError, type ReleaseLock } from '@mcpx/core';
import type { RedisClient } from './client.js';

/** Deletes the lock only if it still holds this taker's token: one whose ttl ran out may be someone else's now. */
const RELEASE_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
/** The first pause between two attempts to take a held lock; it doubles up to `MAX_POLL_MS`. */
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 100;

/**
 * Takes the lock at `key` (`SET key <random token> NX PX ttlMs`), trying again with a growing
 * pause (5 ms doubling to 100 ms) while another holds it. Rejects with a `TokenStoreError` when the
 * lock is still held `ttlMs` after the first attempt or Redis fails, and with the signal's reason
 * when `signal` aborts. The release deletes the key only while it holds this token (compare and
 * delete in one Lua script), and never rejects: a lock it cannot delete expires by itself.
 */
export async function takeLock(client: RedisClient, key: string, ttlMs: number, signal?: AbortSignal): Promise<ReleaseLock> {
  // PX takes whole milliseconds.
  ttlMs = Math.max(1, Math.ceil(ttlMs));
  const token = randomBytes(16).toString('hex');
  const deadline = Date.now() + ttlMs;
  let pauseMs = FIRST_POLL_MS;
  for (;;) {
    signal?.throwIfAborted();
    const leftMs = Math.max(1, deadline - Date.now());
    let answer: string | null;
    try {
      // Bounded by what is left of the wait, and by the signal, even while the client reconnects.
      const bounded = client.withCommandOptions(signal === undefined ? { timeout: leftMs } : { timeout: leftMs, abortSignal: signal });
      answer = await bounded.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    } catch (error) {
      if (signal?.aborted === true) throw signal.reason;
      throw new TokenStoreError(`the lock ${key} could not be taken in Redis (${(error as Error).message}): check that Redis is up`, {
        cause: error,
      });
    }
    if (answer === 'OK') return releaser(client, key, token);
    if (Date.now() >= deadline)
      throw new TokenStoreError(
        `the lock ${key} in Redis was still held by others after ${ttlMs} ms of waiting (a longer ttl than this one, or several holders in turn)`,
      );
    await pause(Math.min(pauseMs, Math.max(1, deadline - Date.now())), signal);
    pauseMs = Math.min(pauseMs * 2, MAX_POLL_MS);
  }
}

function releaser(client: RedisClient, key: string, token: string): ReleaseLock {
  let released: Promise<void> | undefined;
  return () => {
    released ??= client.eval(RELEASE_SCRIPT, { keys: [key], arguments: [token] }).then(
      () => undefined,
      // Not deleted (Redis down): the lock expires at its ttl, which bounds every wait for it.
      () => undefined,
    );
    return released;
  };
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
