/** A protocol era. */
export type Era = 'legacy' | 'modern';

/**
 * Remembers which era each server speaks, keyed by the server process's command line (stdio)
 * or the origin (HTTP), so a legacy server is not probed again on every connection.
 */
export class EraCache {
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
