import { z } from 'zod';
import { BaseMetadataSchema, IconSchema, MetaSchema, RoleSchema } from './base.js';
import { ContentBlockSchema } from './content.js';
import { RequestParamsSchema } from './request-params.js';
import { PaginatedResultSchema, ResultSchema } from './result.js';

/** An argument a prompt template accepts. */
export const PromptArgumentSchema = BaseMetadataSchema.extend({
  description: z.string().optional(),
  required: z.boolean().optional(),
});
/** An argument a prompt template accepts. */
export type PromptArgument = z.infer<typeof PromptArgumentSchema>;

/** A prompt template the server offers, as listed by `prompts/list`. */
export const PromptSchema = BaseMetadataSchema.extend({
  description: z.string().optional(),
  arguments: z.array(PromptArgumentSchema).optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
});
/** A prompt template the server offers. */
export type Prompt = z.infer<typeof PromptSchema>;

/** One message of a prompt returned by `prompts/get`. */
export const PromptMessageSchema = z.looseObject({
  role: RoleSchema,
  content: ContentBlockSchema,
});
/** One message of a prompt. */
export type PromptMessage = z.infer<typeof PromptMessageSchema>;

/** The result of `prompts/list`. */
export const ListPromptsResultSchema = PaginatedResultSchema.extend({ prompts: z.array(PromptSchema) });
/** The result of `prompts/list`. */
export type ListPromptsResult = z.infer<typeof ListPromptsResultSchema>;

/** The params of `prompts/get`: the prompt's name and its string arguments. */
export const GetPromptRequestParamsSchema = RequestParamsSchema.extend({
  name: z.string(),
  arguments: z.record(z.string(), z.string()).optional(),
});
/** The params of `prompts/get`. */
export type GetPromptRequestParams = z.infer<typeof GetPromptRequestParamsSchema>;

/** The result of `prompts/get`. */
export const GetPromptResultSchema = ResultSchema.extend({
  description: z.string().optional(),
  messages: z.array(PromptMessageSchema),
});
/** The result of `prompts/get`. */
export type GetPromptResult = z.infer<typeof GetPromptResultSchema>;
