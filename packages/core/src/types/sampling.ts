import { z } from 'zod';
import { MetaSchema, RoleSchema } from './base.js';
import { AudioContentSchema, ContentBlockSchema, ImageContentSchema, TextContentSchema } from './content.js';
import { RequestParamsSchema, TaskMetadataSchema } from './request-params.js';
import { ResultSchema } from './result.js';
import { ToolSchema } from './tools.js';

/** A model's request to call a tool, inside a sampling message (2025-11-25). */
export const ToolUseContentSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  _meta: MetaSchema.optional(),
});
/** A model's request to call a tool. */
export type ToolUseContent = z.infer<typeof ToolUseContentSchema>;

/** The result of a tool call, sent back to the model inside a sampling message (2025-11-25). */
export const ToolResultContentSchema = z.looseObject({
  type: z.literal('tool_result'),
  toolUseId: z.string(),
  content: z.array(ContentBlockSchema),
  structuredContent: z.record(z.string(), z.unknown()).optional(),
  isError: z.boolean().optional(),
  _meta: MetaSchema.optional(),
});
/** The result of a tool call, sent back to the model. */
export type ToolResultContent = z.infer<typeof ToolResultContentSchema>;

/** One block of content in a sampling message, told apart by `type`. */
export const SamplingMessageContentBlockSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
  ToolUseContentSchema,
  ToolResultContentSchema,
]);
/** One block of content in a sampling message. */
export type SamplingMessageContentBlock = z.infer<typeof SamplingMessageContentBlockSchema>;

/** The content of a sampling message: one block, or since 2025-11-25 an array of blocks. */
export const SamplingContentSchema = z.union([SamplingMessageContentBlockSchema, z.array(SamplingMessageContentBlockSchema)]);
/** The content of a sampling message. */
export type SamplingContent = z.infer<typeof SamplingContentSchema>;

/** A message in a conversation the server asks the client's model to continue. */
export const SamplingMessageSchema = z.looseObject({
  role: RoleSchema,
  content: SamplingContentSchema,
  _meta: MetaSchema.optional(),
});
/** A message in a sampling conversation. */
export type SamplingMessage = z.infer<typeof SamplingMessageSchema>;

/** A hint naming a model or model family the server would like. */
export const ModelHintSchema = z.looseObject({ name: z.string().optional() });
/** A hint naming a model or model family. */
export type ModelHint = z.infer<typeof ModelHintSchema>;

/** The server's model preferences; the priorities are meant to lie in 0..1 but are not checked. */
export const ModelPreferencesSchema = z.looseObject({
  hints: z.array(ModelHintSchema).optional(),
  costPriority: z.number().optional(),
  speedPriority: z.number().optional(),
  intelligencePriority: z.number().optional(),
});
/** The server's model preferences. */
export type ModelPreferences = z.infer<typeof ModelPreferencesSchema>;

/** How the model may use the tools offered in a sampling request (2025-11-25). */
export const ToolChoiceSchema = z.looseObject({ mode: z.enum(['auto', 'required', 'none']).optional() });
/** How the model may use the offered tools. */
export type ToolChoice = z.infer<typeof ToolChoiceSchema>;

/** The params of `sampling/createMessage`, which the server asks of the client. */
export const CreateMessageRequestParamsSchema = RequestParamsSchema.extend({
  messages: z.array(SamplingMessageSchema),
  modelPreferences: ModelPreferencesSchema.optional(),
  systemPrompt: z.string().optional(),
  includeContext: z.enum(['none', 'thisServer', 'allServers']).optional(),
  temperature: z.number().optional(),
  maxTokens: z.number(),
  stopSequences: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  tools: z.array(ToolSchema).optional(),
  toolChoice: ToolChoiceSchema.optional(),
  task: TaskMetadataSchema.optional(),
});
/** The params of `sampling/createMessage`. */
export type CreateMessageRequestParams = z.infer<typeof CreateMessageRequestParamsSchema>;

/** The result of `sampling/createMessage`: the model's message, which model made it and why it stopped. */
export const CreateMessageResultSchema = ResultSchema.extend({
  role: RoleSchema,
  content: SamplingContentSchema,
  model: z.string(),
  stopReason: z.string().optional(),
});
/** The result of `sampling/createMessage`. */
export type CreateMessageResult = z.infer<typeof CreateMessageResultSchema>;
