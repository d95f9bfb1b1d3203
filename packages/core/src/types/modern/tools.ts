import { z } from 'zod';
import { ContentBlockSchema } from '../content.js';
import { CallToolRequestParamsSchema, ListToolsResultSchema } from '../tools.js';
import { CacheableResultSchema } from './cacheable.js';
import { InputResponseRequestParamsSchema } from './input-responses.js';
import { ModernResultSchema } from './result.js';
import { ModernToolSchema } from './tool.js';

/** The result of a 2026-07-28 `tools/list`: a page of tools with cache hints. */
export const ModernListToolsResultSchema = ListToolsResultSchema.extend({
  ...CacheableResultSchema.shape,
  tools: z.array(ModernToolSchema),
});
/** The result of a 2026-07-28 `tools/list`. */
export type ModernListToolsResult = z.infer<typeof ModernListToolsResultSchema>;

/** The params of a 2026-07-28 `tools/call`, a retry included (`inputResponses`, `requestState`); no `task`. */
export const ModernCallToolRequestParamsSchema = CallToolRequestParamsSchema.omit({ task: true }).extend(
  InputResponseRequestParamsSchema.shape,
);
/** The params of a 2026-07-28 `tools/call`. */
export type ModernCallToolRequestParams = z.infer<typeof ModernCallToolRequestParamsSchema>;

/** The complete result of a 2026-07-28 `tools/call`, whose `structuredContent` may be any JSON value. */
export const ModernCallToolResultSchema = ModernResultSchema.extend({
  content: z.array(ContentBlockSchema),
  structuredContent: z.unknown().optional(),
  isError: z.boolean().optional(),
});
/** The complete result of a 2026-07-28 `tools/call`. */
export type ModernCallToolResult = z.infer<typeof ModernCallToolResultSchema>;
