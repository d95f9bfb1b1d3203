import { z } from 'zod';
import { InputRequestsSchema } from './input-requests.js';
import { ModernResultSchema } from './result.js';

/**
 * The interim result of `tools/call`, `prompts/get` or `resources/read` when the server needs more input: the client
 * answers `inputRequests` and retries the request with `inputResponses`, echoing `requestState` unchanged.
 */
export const InputRequiredResultSchema = ModernResultSchema.extend({
  resultType: z.literal('input_required'),
  inputRequests: InputRequestsSchema.optional(),
  requestState: z.string().optional(),
}).refine((result) => result.inputRequests !== undefined || result.requestState !== undefined, {
  message: 'an input_required result must carry inputRequests, requestState or both',
});
/** The interim result of a request that needs more input. */
export type InputRequiredResult = z.infer<typeof InputRequiredResultSchema>;

/** The result of a request that may answer `input_required`: an `InputRequiredResult` or the request's own result. */
export function inputRequiredOr<T extends z.ZodType>(complete: T): z.ZodUnion<[typeof InputRequiredResultSchema, T]> {
  return z.union([InputRequiredResultSchema, complete]);
}
