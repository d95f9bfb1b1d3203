import type { z } from 'zod';
import { ClientCapabilitiesSchema, ServerCapabilitiesSchema } from '../capabilities.js';

/** What a 2026-07-28 server supports, as `server/discover` reports it: without tasks, with `extensions`. */
export const ModernServerCapabilitiesSchema = ServerCapabilitiesSchema.omit({ tasks: true }).extend({
  extensions: ClientCapabilitiesSchema.shape.extensions,
});
/** What a 2026-07-28 server supports. */
export type ModernServerCapabilities = z.infer<typeof ModernServerCapabilitiesSchema>;
