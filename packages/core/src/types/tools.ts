import { z } from 'zod';
import { BaseMetadataSchema, IconSchema, MetaSchema } from './base.js';
import { ContentBlockSchema } from './content.js';
import { RequestParamsSchema, TaskMetadataSchema } from './request-params.js';
import { PaginatedResultSchema, ResultSchema } from './result.js';

/** A JSON Schema of type `object`, as a tool's `inputSchema` or `outputSchema`; other keywords are kept. */
export const ToolJsonSchemaSchema = z.looseObject({
  $schema: z.string().optional(),
  type: z.literal('object'),
  properties: z.record(z.string(), z.unknown()).optional(),
  required: z.array(z.string()).optional(),
});
/** A JSON Schema of type `object`. */
export type ToolJsonSchema = z.infer<typeof ToolJsonSchemaSchema>;

/** Hints about a tool's behaviour, which a client must not trust from an untrusted server (since 2025-03-26). */
export const ToolAnnotationsSchema = z.looseObject({
  title: z.string().optional(),
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});
/** Hints about a tool's behaviour. */
export type ToolAnnotations = z.infer<typeof ToolAnnotationsSchema>;

/** Whether a tool can be called as a task (2025-11-25). */
export const ToolExecutionSchema = z.looseObject({
  taskSupport: z.enum(['forbidden', 'optional', 'required']).optional(),
});
/** Whether a tool can be called as a task. */
export type ToolExecution = z.infer<typeof ToolExecutionSchema>;

/** A tool the server offers, as listed by `tools/list`. */
export const ToolSchema = BaseMetadataSchema.extend({
  description: z.string().optional(),
  inputSchema: ToolJsonSchemaSchema,
  outputSchema: ToolJsonSchemaSchema.optional(),
  annotations: ToolAnnotationsSchema.optional(),
  execution: ToolExecutionSchema.optional(),
  icons: z.array(IconSchema).optional(),
  _meta: MetaSchema.optional(),
});
/** A tool the server offers. */
export type Tool = z.infer<typeof ToolSchema>;

/** The result of `tools/list`. */
export const ListToolsResultSchema = PaginatedResultSchema.extend({ tools: z.array(ToolSchema) });
/** The result of `tools/list`. */
export type ListToolsResult = z.infer<typeof ListToolsResultSchema>;

/** The params of `tools/call`. */
export const CallToolRequestParamsSchema = RequestParamsSchema.extend({
  name: z.string(),
  arguments: z.record(z.string(), z.unknown()).optional(),
  task: TaskMetadataSchema.optional(),
});
/** The params of `tools/call`. */
export type CallToolRequestParams = z.infer<typeof CallToolRequestParamsSchema>;

const CallToolResultObjectSchema = ResultSchema.extend({
  content: z.array(ContentBlockSchema),
  structuredContent: z.record(z.string(), z.unknown()).optional(),
  isError: z.boolean().optional(),
});

/** True for the 2024-11-05 compatibility shape `{ toolResult }`, which has no `content`. */
function isToolResultShape(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !('content' in value) && 'toolResult' in value;
}

/**
 * The result of `tools/call`; the deprecated 2024-11-05 shape `{ toolResult }` is read as empty `content`
 * with `toolResult` kept.
 */
export const CallToolResultSchema = z.preprocess(
  (value) => (isToolResultShape(value) ? { ...value, content: [] } : value),
  CallToolResultObjectSchema,
);
/** The result of `tools/call`. */
export type CallToolResult = z.infer<typeof CallToolResultSchema>;
