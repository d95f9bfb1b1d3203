import { z } from 'zod';
import { AudioContentSchema, ImageContentSchema, TextContentSchema } from '../content.js';
import {
  CreateMessageRequestParamsSchema,
  CreateMessageResultSchema,
  SamplingMessageSchema,
  ToolResultContentSchema,
  ToolUseContentSchema,
} from '../sampling.js';
import { ModernToolSchema } from './tool.js';

/** A tool result sent back to the model in a sampling message, whose `structuredContent` may be any JSON value (2026-07-28). */
export const ModernToolResultContentSchema = ToolResultContentSchema.extend({ structuredContent: z.unknown().optional() });
/** A tool result sent back to the model in a sampling message. */
export type ModernToolResultContent = z.infer<typeof ModernToolResultContentSchema>;

/** One block of content in a 2026-07-28 sampling message, told apart by `type`. */
export const ModernSamplingMessageContentBlockSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
  ToolUseContentSchema,
  ModernToolResultContentSchema,
]);
/** One block of content in a 2026-07-28 sampling message. */
export type ModernSamplingMessageContentBlock = z.infer<typeof ModernSamplingMessageContentBlockSchema>;

/** The content of a 2026-07-28 sampling message: one block or an array of blocks. */
export const ModernSamplingContentSchema = z.union([
  ModernSamplingMessageContentBlockSchema,
  z.array(ModernSamplingMessageContentBlockSchema),
]);
/** The content of a 2026-07-28 sampling message. */
export type ModernSamplingContent = z.infer<typeof ModernSamplingContentSchema>;

/** A message in a conversation a 2026-07-28 server asks the client's model to continue. */
export const ModernSamplingMessageSchema = SamplingMessageSchema.extend({ content: ModernSamplingContentSchema });
/** A message in a 2026-07-28 sampling conversation. */
export type ModernSamplingMessage = z.infer<typeof ModernSamplingMessageSchema>;

/** The params of a `sampling/createMessage` input request: 2026-07-28 messages and tools, no `task`. */
export const ModernCreateMessageRequestParamsSchema = CreateMessageRequestParamsSchema.omit({ task: true }).extend({
  messages: z.array(ModernSamplingMessageSchema),
  tools: z.array(ModernToolSchema).optional(),
});
/** The params of a `sampling/createMessage` input request. */
export type ModernCreateMessageRequestParams = z.infer<typeof ModernCreateMessageRequestParamsSchema>;

/** The client's answer to a `sampling/createMessage` input request. */
export const ModernCreateMessageResultSchema = CreateMessageResultSchema.extend({ content: ModernSamplingContentSchema });
/** The client's answer to a `sampling/createMessage` input request. */
export type ModernCreateMessageResult = z.infer<typeof ModernCreateMessageResultSchema>;
