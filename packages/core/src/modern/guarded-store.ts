import { CacheStoreError } from '../errors/cache-store-error.js';
import type { CacheEntry, CacheInvalidation, CacheStore, MaybePromise } from './cache-store.js';

/** Whether `value` is a promise (or any thenable a store returned). */
export function isPromiseLike<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** Milliseconds the store is skipped after its first failure, by default (`cache.storeRetryMs`). */
export const DEFAULT_STORE_RETRY_MS = 1000;
/** The longest the store is skipped after failures in a row: the backoff doubles up to this. */
export const MAX_STORE_RETRY_MS = 30_000;

/** What a `StoreGuard` needs. */
export interface GuardedStoreOptions {
  /** Milliseconds an operation of the store may take before the cache is bypassed. */
  timeoutMs: number;
  /** Where a failure is reported: once per outage, until every kind of operation that failed succeeds again. */
  warn: (error: CacheStoreError) => void;
  /** The server's name, for the warning's message. */
  server: string | undefined;
  /**
   * Milliseconds the store is skipped after a failure, doubling with each failure in a row up to
   * `MAX_STORE_RETRY_MS` (30 s), and back to this after a success.
   * @default DEFAULT_STORE_RETRY_MS (1000)
   */
  retryMs?: number;
  /** The clock of the backoff. @default Date.now */
  now?: () => number;
}

/**
 * Runs the operations of a store so that their failures never reach the caller: an operation that
 * throws, rejects or takes longer than `timeoutMs` answers `undefined`. After a failure the store
 * is skipped (every operation answers `undefined` at once) for a backoff period: `retryMs`,
 * doubling with each failure in a row up to 30 s. An answer that arrives after its timeout is
 * ignored. A failure is reported through `warn` once per outage: the outage ends when every kind
 * of operation that failed (get, set, ...) has succeeded again. A synchronous operation stays
 * synchronous: no promise or timer.
 */
export class StoreGuard {
  /** The kinds of operation that failed and have not succeeded since; made on the first failure. */
  private failing: Set<string> | undefined;
  /** Until when (epoch ms) the store is skipped. */
  private skipUntil = 0;
  private readonly firstRetryMs: number;
  /** The next backoff period. */
  private retryMs: number;
  private readonly now: () => number;

  constructor(
    private readonly options: GuardedStoreOptions,
    /** What the store is, in the warning's message. */
    private readonly what = "the response cache's store",
    /** The setting that gives a slow store more time, in the warning's message. */
    private readonly timeoutSetting: string | undefined = 'cache.storeTimeoutMs',
  ) {
    this.firstRetryMs = options.retryMs ?? DEFAULT_STORE_RETRY_MS;
    this.retryMs = this.firstRetryMs;
    this.now = options.now ?? Date.now;
  }

  /**
   * The answer of `call`, or undefined when it threw, rejected, did not answer within `timeoutMs`
   * or was skipped because the store is in its backoff period after a failure (unless `always`:
   * for an operation that is local and cannot hang, such as `subscribe`).
   */
  run<T>(operation: string, call: () => MaybePromise<T>, always = false): MaybePromise<T | undefined> {
    if (!always && this.skipUntil !== 0 && this.now() < this.skipUntil) return undefined;
    let result: MaybePromise<T>;
    try {
      result = call();
    } catch (error) {
      return this.failed(operation, error);
    }
    if (!isPromiseLike(result)) return this.succeeded(operation, result);
    return new Promise<T | undefined>((resolve) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        resolve(this.failed(operation, `no answer within ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      // A hanging store must not keep the process alive.
      timer.unref?.();
      result.then(
        (value) => {
          // An answer after the timeout is ignored: the caller has gone on, and the store is slow.
          if (timedOut) return;
          clearTimeout(timer);
          resolve(this.succeeded(operation, value));
        },
        (error: unknown) => {
          if (timedOut) return;
          clearTimeout(timer);
          resolve(this.failed(operation, error));
        },
      );
    });
  }

  /** Runs a write without waiting for it: `run` reports its failure and never rejects. */
  write(operation: string, call: () => MaybePromise<unknown>): void {
    const result = this.run(operation, call);
    // run() already reported a failure through warn and resolves with undefined; nothing is left to handle.
    if (isPromiseLike(result)) result.then(undefined, () => undefined);
  }

  private succeeded<T>(operation: string, value: T): T {
    this.failing?.delete(operation);
    this.skipUntil = 0;
    this.retryMs = this.firstRetryMs;
    return value;
  }

  private failed(operation: string, problem: unknown): undefined {
    this.skipUntil = this.now() + this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_STORE_RETRY_MS);
    const failing = (this.failing ??= new Set());
    const known = failing.size > 0;
    failing.add(operation);
    if (known) return undefined;
    const reason = problem instanceof Error ? problem.message : String(problem);
    const slow = this.timeoutSetting === undefined ? '' : `, or raise ${this.timeoutSetting} if it is only slow`;
    const message = `${this.what} failed (${operation}: ${reason}); the client goes on without it, trying it again after ${Math.round(this.skipUntil - this.now())} ms and backing off up to ${MAX_STORE_RETRY_MS} ms, until it answers again. Check the store (for Redis: the server and the connection URL)${slow}`;
    this.options.warn(
      new CacheStoreError(message, { server: this.options.server, ...(problem instanceof Error ? { cause: problem } : {}) }),
    );
    return undefined;
  }
}

/** A `CacheStore` behind a `StoreGuard`: a failure is a miss, and writes are not waited for. */
export class GuardedStore {
  private readonly guard: StoreGuard;

  constructor(
    readonly store: CacheStore,
    options: GuardedStoreOptions,
  ) {
    this.guard = new StoreGuard(options);
  }

  /** The entry under `key`, or undefined (also when the store failed or is skipped). */
  get(key: string): MaybePromise<CacheEntry | undefined> {
    return this.guard.run('get', () => this.store.get(key));
  }

  /**
   * The entries under two keys, read at once under one timeout; undefined when the store failed or
   * is skipped. Synchronous over a synchronous store.
   */
  getBoth(first: string, second: string): MaybePromise<readonly [unknown, unknown] | undefined> {
    return this.guard.run('get', (): MaybePromise<readonly [unknown, unknown]> => {
      const one = this.store.get(first);
      const two = this.store.get(second);
      if (!isPromiseLike(one) && !isPromiseLike(two)) return [one, two];
      return Promise.all([one, two]);
    });
  }

  /**
   * Subscribes `listener` to the store's invalidations; answers how to stop, or undefined when the
   * store carries none or its `subscribe` threw (reported through `warn`).
   */
  subscribe(listener: (event: CacheInvalidation) => void): (() => void) | undefined {
    const subscribe = this.store.subscribe?.bind(this.store);
    if (subscribe === undefined) return undefined;
    // subscribe is synchronous by contract: run() answers synchronously for a synchronous call. It
    // is never skipped: a session opened during an outage of the store would otherwise never hear
    // the other processes' invalidations, even once the store is back.
    const stop = this.guard.run('subscribe', () => subscribe(listener), true);
    return isPromiseLike(stop) ? undefined : stop;
  }

  /** Keeps `entry` under `key` without waiting for the store. */
  set(key: string, entry: CacheEntry): void {
    this.guard.write('set', () => this.store.set(key, entry));
  }

  /** Forgets the entry under `key` without waiting for the store. */
  delete(key: string): void {
    this.guard.write('delete', () => this.store.delete(key));
  }

  /** Forgets the entries under `prefix` without waiting for the store. */
  deletePrefix(prefix: string): void {
    this.guard.write('deletePrefix', () => this.store.deletePrefix(prefix));
  }

  /** Publishes `event` to the store's subscribers, when it carries invalidations, without waiting. */
  publish(event: CacheInvalidation): void {
    const publish = this.store.publish?.bind(this.store);
    if (publish !== undefined) this.guard.write('publish', () => publish(event));
  }
}
