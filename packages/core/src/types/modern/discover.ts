import { z } from 'zod';
import { CacheableResultSchema } from './cacheable.js';
import { ModernServerCapabilitiesSchema } from './capabilities.js';

/**
 * The result of `server/discover`: the revisions the server supports, its capabilities and instructions, with cache
 * hints; the server names itself in `_meta`.
 */
export const DiscoverResultSchema = CacheableResultSchema.extend({
  supportedVersions: z.array(z.string()),
  capabilities: ModernServerCapabilitiesSchema,
  instructions: z.string().optional(),
});
/** The result of `server/discover`. */
export type DiscoverResult = z.infer<typeof DiscoverResultSchema>;
