import { CacheStoreError } from '../errors/cache-store-error.js';
import type { CacheEntry, CacheInvalidation, CacheStore, MaybePromise } from './cache-store.js';

/** Whether `value` is a promise (or any thenable a store returned). */
export function isPromiseLike<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** What a `GuardedStore` needs besides its store. */
export interface GuardedStoreOptions {
  /** Milliseconds an operation of the store may take before the cache is bypassed. */
  timeoutMs: number;
  /** Where a failure is reported: once, until an operation succeeds again. */
  warn: (error: CacheStoreError) => void;
  /** The server's name, for the warning's message. */
  server: string | undefined;
}

/**
 * A `CacheStore` whose failures never reach the caller: an operation that throws, rejects or takes
 * longer than `timeoutMs` answers `undefined` (a miss) and is reported once through `warn`, until
 * one succeeds again. A synchronous store stays synchronous: no promise or timer on its path.
 */
export class GuardedStore {
  private failing = false;

  constructor(
    readonly store: CacheStore,
    private readonly options: GuardedStoreOptions,
  ) {}

  get(key: string): MaybePromise<CacheEntry | undefined> {
    return this.run('get', () => this.store.get(key));
  }

  set(key: string, entry: CacheEntry): void {
    this.settle(this.run('set', () => this.store.set(key, entry)));
  }

  delete(key: string): void {
    this.settle(this.run('delete', () => this.store.delete(key)));
  }

  deletePrefix(prefix: string): void {
    this.settle(this.run('deletePrefix', () => this.store.deletePrefix(prefix)));
  }

  publish(event: CacheInvalidation): void {
    const publish = this.store.publish?.bind(this.store);
    if (publish !== undefined) this.settle(this.run('publish', () => publish(event)));
  }

  private settle(result: MaybePromise<unknown>): void {
    // A write is not waited for: run() reports its failure and never rejects.
    if (isPromiseLike(result)) result.then(undefined, () => undefined);
  }

  private run<T>(operation: string, call: () => MaybePromise<T>): MaybePromise<T | undefined> {
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

  private succeeded<T>(value: T): T {
    this.failing = false;
    return value;
  }

  private failed(operation: string, problem: unknown): undefined {
    if (this.failing) return undefined;
    this.failing = true;
    const reason = problem instanceof Error ? problem.message : String(problem);
    const message = `the response cache's store failed (${operation}: ${reason}); requests go to the server, uncached, until the store answers again. Check the store (for Redis: the server and the connection URL), or raise cache.storeTimeoutMs if it is only slow`;
    this.options.warn(
      new CacheStoreError(message, { server: this.options.server, ...(problem instanceof Error ? { cause: problem } : {}) }),
    );
    return undefined;
  }
}
