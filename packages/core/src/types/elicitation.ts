import { z } from 'zod';
import { PrimitiveSchemaDefinitionSchema } from './elicitation-schemas.js';
import { RequestParamsSchema, TaskMetadataSchema } from './request-params.js';
import { ResultSchema } from './result.js';

/** The flat object schema of the form a server asks the user to fill in. */
export const ElicitRequestedSchemaSchema = z.looseObject({
  $schema: z.string().optional(),
  type: z.literal('object'),
  properties: z.record(z.string(), PrimitiveSchemaDefinitionSchema),
  required: z.array(z.string()).optional(),
});
/** The flat object schema of an elicitation form. */
export type ElicitRequestedSchema = z.infer<typeof ElicitRequestedSchemaSchema>;

/** The params of a form-mode `elicitation/create`; `mode` is absent before 2025-11-25. */
export const ElicitRequestFormParamsSchema = RequestParamsSchema.extend({
  mode: z.literal('form').optional(),
  message: z.string(),
  requestedSchema: ElicitRequestedSchemaSchema,
  task: TaskMetadataSchema.optional(),
});
/** The params of a form-mode `elicitation/create`. */
export type ElicitRequestFormParams = z.infer<typeof ElicitRequestFormParamsSchema>;

/** The params of a URL-mode `elicitation/create`, which sends the user to `url` (2025-11-25). */
export const ElicitRequestURLParamsSchema = RequestParamsSchema.extend({
  mode: z.literal('url'),
  message: z.string(),
  url: z.string(),
  elicitationId: z.string(),
  task: TaskMetadataSchema.optional(),
});
/** The params of a URL-mode `elicitation/create`. */
export type ElicitRequestURLParams = z.infer<typeof ElicitRequestURLParamsSchema>;

/** The params of `elicitation/create`, which the server asks of the client, in form or URL mode. */
export const ElicitRequestParamsSchema = z.union([ElicitRequestURLParamsSchema, ElicitRequestFormParamsSchema]);
/** The params of `elicitation/create`. */
export type ElicitRequestParams = z.infer<typeof ElicitRequestParamsSchema>;

/** The user's answer to `elicitation/create`; `content` holds the form values when the action is `accept`. */
export const ElicitResultSchema = ResultSchema.extend({
  action: z.enum(['accept', 'decline', 'cancel']),
  content: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).optional(),
});
/** The user's answer to `elicitation/create`. */
export type ElicitResult = z.infer<typeof ElicitResultSchema>;
