import { z } from 'zod';
import { ModernResultSchema } from './result.js';

/** Who may cache a result: anyone, shared caches included (`public`), or only the same authorization context (`private`). */
export const CacheScopeSchema = z.enum(['public', 'private']);
/** Who may cache a result. */
export type CacheScope = z.infer<typeof CacheScopeSchema>;

/**
 * A result with cache hints: fresh for `ttlMs` milliseconds after receipt, shareable as `cacheScope` says. Both are
 * optional here, because a client must read an absent `ttlMs` (and a negative one) as 0, immediately stale.
 */
export const CacheableResultSchema = ModernResultSchema.extend({
  ttlMs: z.number().optional(),
  cacheScope: CacheScopeSchema.optional(),
});
/** A result with cache hints. */
export type CacheableResult = z.infer<typeof CacheableResultSchema>;
