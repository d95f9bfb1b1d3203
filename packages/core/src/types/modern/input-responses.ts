import { z } from 'zod';
import { ElicitResultSchema } from '../elicitation.js';
import { ListRootsResultSchema } from '../roots.js';
import { ModernRequestParamsSchema } from './request-params.js';
import { ModernCreateMessageResultSchema } from './sampling.js';

/** The client's answer to one input request: a sampling, roots or elicitation result. */
export const InputResponseSchema = z.union([ModernCreateMessageResultSchema, ListRootsResultSchema, ElicitResultSchema]);
/** The client's answer to one input request. */
export type InputResponse = z.infer<typeof InputResponseSchema>;

/** The client's answers to an `InputRequiredResult`, under the keys of its `inputRequests`. */
export const InputResponsesSchema = z.record(z.string(), InputResponseSchema);
/** The client's answers to an `InputRequiredResult`, by key. */
export type InputResponses = z.infer<typeof InputResponsesSchema>;

/** The params of a retried request: the envelope, the answers and the `requestState` echoed from the server. */
export const InputResponseRequestParamsSchema = ModernRequestParamsSchema.extend({
  inputResponses: InputResponsesSchema.optional(),
  requestState: z.string().optional(),
});
/** The params of a retried request. */
export type InputResponseRequestParams = z.infer<typeof InputResponseRequestParamsSchema>;
