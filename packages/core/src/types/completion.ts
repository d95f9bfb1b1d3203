import { z } from 'zod';
import { RequestParamsSchema } from './request-params.js';
import { ResultSchema } from './result.js';

/** Names a prompt whose argument is being completed. */
export const PromptReferenceSchema = z.looseObject({
  type: z.literal('ref/prompt'),
  name: z.string(),
  title: z.string().optional(),
});
/** Names a prompt whose argument is being completed. */
export type PromptReference = z.infer<typeof PromptReferenceSchema>;

/** Names a resource template whose variable is being completed (`ResourceReference` before 2025-06-18). */
export const ResourceTemplateReferenceSchema = z.looseObject({
  type: z.literal('ref/resource'),
  uri: z.string(),
});
/** Names a resource template whose variable is being completed. */
export type ResourceTemplateReference = z.infer<typeof ResourceTemplateReferenceSchema>;

/** The params of `completion/complete`. */
export const CompleteRequestParamsSchema = RequestParamsSchema.extend({
  ref: z.discriminatedUnion('type', [PromptReferenceSchema, ResourceTemplateReferenceSchema]),
  argument: z.looseObject({ name: z.string(), value: z.string() }),
  context: z.looseObject({ arguments: z.record(z.string(), z.string()).optional() }).optional(),
});
/** The params of `completion/complete`. */
export type CompleteRequestParams = z.infer<typeof CompleteRequestParamsSchema>;

/** The result of `completion/complete`. */
export const CompleteResultSchema = ResultSchema.extend({
  completion: z.looseObject({
    values: z.array(z.string()),
    total: z.number().optional(),
    hasMore: z.boolean().optional(),
  }),
});
/** The result of `completion/complete`. */
export type CompleteResult = z.infer<typeof CompleteResultSchema>;
