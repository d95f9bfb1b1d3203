import { z } from 'zod';
import { ToolSchema } from '../tools.js';

/** Any JSON Schema object, 2020-12 unless its `$schema` names another dialect; every keyword is kept as sent. */
export const JsonSchemaObjectSchema = z.looseObject({ $schema: z.string().optional() });
/** Any JSON Schema object. */
export type JsonSchemaObject = z.infer<typeof JsonSchemaObjectSchema>;

/**
 * A tool as 2026-07-28 lists it: `inputSchema` is still an object schema (with any 2020-12 keyword beside `type`),
 * `outputSchema` may be any JSON Schema, and `execution` (tasks) is gone.
 */
export const ModernToolSchema = ToolSchema.omit({ execution: true }).extend({
  outputSchema: JsonSchemaObjectSchema.optional(),
});
/** A tool as 2026-07-28 lists it. */
export type ModernTool = z.infer<typeof ModernToolSchema>;
