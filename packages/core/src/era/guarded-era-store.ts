import type { CacheStoreError } from '../errors/cache-store-error.js';
import { StoreGuard } from '../modern/guarded-store.js';
import type { Era, EraStore } from './era-cache.js';

/**
 * Milliseconds an era store's operation may take before the client probes instead. A constant, not
 * an option: the era store is read once per connection, and a probe costs one round trip.
 */
const ERA_STORE_TIMEOUT_MS = 1000;

/**
 * An `EraStore` whose failures never fail a connection: a failed or slow `get` is an unknown era
 * (the server is probed), a failed write is dropped, and either is reported once through `warn`.
 */
export class GuardedEraStore {
  /** The guarded store of each client, so that a client warns once, not once a connection. */
  private static readonly ofClient = new WeakMap<object, GuardedEraStore>();

  /** The guarded store of the client `owner` (any object of that client's lifetime). */
  static of(owner: object, store: EraStore, warn: (error: CacheStoreError) => void, server: string | undefined): GuardedEraStore {
    let guarded = GuardedEraStore.ofClient.get(owner);
    if (guarded === undefined || guarded.store !== store) {
      guarded = new GuardedEraStore(store, warn, server);
      GuardedEraStore.ofClient.set(owner, guarded);
    }
    return guarded;
  }

  private readonly guard: StoreGuard;

  constructor(
    private readonly store: EraStore,
    warn: (error: CacheStoreError) => void,
    server: string | undefined,
  ) {
    this.guard = new StoreGuard({ timeoutMs: ERA_STORE_TIMEOUT_MS, warn, server }, 'the era cache', undefined);
  }

  /** The era kept under `key`; undefined when none is, the value is not an era, or the store failed. */
  async get(key: string): Promise<Era | undefined> {
    const era = await this.guard.run('get', () => this.store.get(key));
    return era === 'legacy' || era === 'modern' ? era : undefined;
  }

  /** Keeps `era` under `key` without waiting for the store. */
  set(key: string, era: Era): void {
    this.guard.write('set', () => this.store.set(key, era));
  }

  /** Forgets the era under `key` without waiting for the store. */
  delete(key: string): void {
    this.guard.write('delete', () => this.store.delete(key));
  }
}
