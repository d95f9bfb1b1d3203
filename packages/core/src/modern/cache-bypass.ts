import type { CallOptions } from '../client/options.js';

/** The options key of a request that must not be answered from, nor stored in, the response cache. */
const BYPASS_CACHE: unique symbol = Symbol.for('mcpx.bypassCache');

type BypassOptions = CallOptions & { [BYPASS_CACHE]?: true };

/**
 * `options` for a request that goes past the response cache, for content checked against
 * something fresher than the cache's hints (a skill file against the digest of its entry: served
 * from the cache, a changed file would fail verification until its `ttlMs` ran out).
 */
export function pastTheCache(options: CallOptions | undefined): CallOptions {
  const bypass: BypassOptions = { ...options, [BYPASS_CACHE]: true };
  return bypass;
}

/** Whether a request was made with `pastTheCache`. */
export function bypassesCache(options: CallOptions): boolean {
  return (options as BypassOptions)[BYPASS_CACHE] === true;
}
