import { z } from 'zod';
import { ImplementationSchema } from './base.js';
import { ClientCapabilitiesSchema, ServerCapabilitiesSchema } from './capabilities.js';
import { RequestParamsSchema } from './request-params.js';
import { ResultSchema } from './result.js';

/** The params of `initialize`: the revision the client wants, its capabilities and who it is. */
export const InitializeRequestParamsSchema = RequestParamsSchema.extend({
  protocolVersion: z.string(),
  capabilities: ClientCapabilitiesSchema,
  clientInfo: ImplementationSchema,
});
/** The params of `initialize`. */
export type InitializeRequestParams = z.infer<typeof InitializeRequestParamsSchema>;

/** The result of `initialize`: the revision the server chose, its capabilities and who it is. */
export const InitializeResultSchema = ResultSchema.extend({
  protocolVersion: z.string(),
  capabilities: ServerCapabilitiesSchema,
  serverInfo: ImplementationSchema,
  instructions: z.string().optional(),
});
/** The result of `initialize`. */
export type InitializeResult = z.infer<typeof InitializeResultSchema>;
