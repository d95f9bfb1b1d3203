import { CacheStoreError } from '../errors/cache-store-error.js';
import type { CacheEntry, CacheInvalidation, CacheStore, MaybePromise } from './cache-store.js';

/** Whether `value` is a promise (or any thenable a store returned). */
export function isPromiseLike<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** What a `StoreGuard` needs. */
export interface GuardedStoreOptions {
  /** Milliseconds an operation of the store may take before the cache is bypassed. */
  timeoutMs: number;
  /** Where a failure is reported: once, until an operation succeeds again. */
  warn: (error: CacheStoreError) => void;
  /** The server's name, for the warning's message. */
  server: string | undefined;
}

/**
 * Runs the operations of a store so that their failures never reach the caller: an operation that
 * throws, rejects or takes longer than `timeoutMs` answers `undefined` and is reported once through
 * `warn`, until one succeeds again. A synchronous operation stays synchronous: no promise or timer.
 */
export class StoreGuard {
  private failing = false;

  constructor(
    private readonly options: GuardedStoreOptions,
    /** What the store is, in the warning's message. */
    private readonly what = "the response cache's store",
    /** The setting that gives a slow store more time, in the warning's message. */
    private readonly timeoutSetting: string | undefined = 'cache.storeTimeoutMs',
  ) {}

  /** The operation's answer, or undefined when it failed. */
  run<T>(operation: string, call: () => MaybePromise<T>): MaybePromise<T | undefined> {
    let result: MaybePromise<T>;
    try {
      result = call();
    } catch (error) {
      return this.failed(operation, error);
    }
    if (!isPromiseLike(result)) return this.succeeded(result);
    return new Promise<T | undefined>((resolve) => {
      const timer = setTimeout(
        () => resolve(this.failed(operation, `no answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      result.then(
        (value) => {
          clearTimeout(timer);
          resolve(this.succeeded(value));
        },
        (error: unknown) => {
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

  private succeeded<T>(value: T): T {
    this.failing = false;
    return value;
  }

  private failed(operation: string, problem: unknown): undefined {
    if (this.failing) return undefined;
    this.failing = true;
    const reason = problem instanceof Error ? problem.message : String(problem);
    const slow = this.timeoutSetting === undefined ? '' : `, or raise ${this.timeoutSetting} if it is only slow`;
    const message = `${this.what} failed (${operation}: ${reason}); the client goes on without it until the store answers again. Check the store (for Redis: the server and the connection URL)${slow}`;
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

  get(key: string): MaybePromise<CacheEntry | undefined> {
    return this.guard.run('get', () => this.store.get(key));
  }

  set(key: string, entry: CacheEntry): void {
    this.guard.write('set', () => this.store.set(key, entry));
  }

  delete(key: string): void {
    this.guard.write('delete', () => this.store.delete(key));
  }

  deletePrefix(prefix: string): void {
    this.guard.write('deletePrefix', () => this.store.deletePrefix(prefix));
  }

  publish(event: CacheInvalidation): void {
    const publish = this.store.publish?.bind(this.store);
    if (publish !== undefined) this.guard.write('publish', () => publish(event));
  }
}
