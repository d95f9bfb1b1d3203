import type { MaybePromise } from '../modern/cache-store.js';

/** A protocol era. */
export type Era = 'legacy' | 'modern';

/**
 * Where learned eras are kept (the `eraCache` option), keyed by the server process's command line
 * (stdio) or the origin (HTTP): `EraCache` in memory, or a store shared across processes (such as
 * Redis). Each method may answer synchronously or with a promise. A store that fails never fails a
 * connection: the server is probed, and the client emits one `warning` event.
 */
export interface EraStore {
  /** The era remembered for `key`, or undefined (anything but `'legacy'` or `'modern'` counts as undefined). */
  get(key: string): MaybePromise<Era | undefined>;
  /** Remembers the era of `key`. */
  set(key: string, era: Era): MaybePromise<void>;
  /** Forgets a server, so the next connection probes it again. */
  delete(key: string): MaybePromise<void>;
}

/** The in-memory `EraStore`, so a legacy server is not probed again on every connection. */
export class EraCache implements EraStore {
  private readonly eras = new Map<string, Era>();

  get(key: string): Era | undefined {
    return this.eras.get(key);
  }

  set(key: string, era: Era): void {
    this.eras.set(key, era);
  }

  /** Forgets a server, so the next connection probes it again. */
  delete(key: string): void {
    this.eras.delete(key);
  }
}

/**
 * The cache clients share unless given their own (`eraCache` option; `false` for none).
 * Process-wide on purpose: what a server speaks does not depend on which client asks, and
 * sharing it is what spares every later client of the process the era probe. Entries are
 * re-probed when a cached answer fails.
 */
export const defaultEraCache: EraCache = new EraCache();
