import { z } from 'zod';
import { MetaSchema } from '../base.js';
import { ModernElicitRequestParamsSchema } from './elicitation.js';
import { ModernCreateMessageRequestParamsSchema } from './sampling.js';

/** An input request asking the client to sample the model: `sampling/createMessage` without a JSON-RPC id. */
export const ModernCreateMessageRequestSchema = z.looseObject({
  method: z.literal('sampling/createMessage'),
  params: ModernCreateMessageRequestParamsSchema,
});
/** An input request asking the client to sample the model. */
export type ModernCreateMessageRequest = z.infer<typeof ModernCreateMessageRequestSchema>;

/** An input request asking the user for information: `elicitation/create` without a JSON-RPC id. */
export const ModernElicitRequestSchema = z.looseObject({
  method: z.literal('elicitation/create'),
  params: ModernElicitRequestParamsSchema,
});
/** An input request asking the user for information. */
export type ModernElicitRequest = z.infer<typeof ModernElicitRequestSchema>;

/** An input request asking for the client's roots: `roots/list` without a JSON-RPC id. */
export const ModernListRootsRequestSchema = z.looseObject({
  method: z.literal('roots/list'),
  params: z.looseObject({ _meta: MetaSchema.optional() }).optional(),
});
/** An input request asking for the client's roots. */
export type ModernListRootsRequest = z.infer<typeof ModernListRootsRequestSchema>;

/** One request a server makes of the client inside an `InputRequiredResult`, told apart by `method`. */
export const InputRequestSchema = z.discriminatedUnion('method', [
  ModernCreateMessageRequestSchema,
  ModernElicitRequestSchema,
  ModernListRootsRequestSchema,
]);
/** One request a server makes of the client inside an `InputRequiredResult`. */
export type InputRequest = z.infer<typeof InputRequestSchema>;

/** The requests of an `InputRequiredResult`, by server-assigned key; the retry answers each under the same key. */
export const InputRequestsSchema = z.record(z.string(), InputRequestSchema);
/** The requests of an `InputRequiredResult`, by key. */
export type InputRequests = z.infer<typeof InputRequestsSchema>;
