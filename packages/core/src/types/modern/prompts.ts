import type { z } from 'zod';
import { GetPromptRequestParamsSchema, GetPromptResultSchema, ListPromptsResultSchema } from '../prompts.js';
import { CacheableResultSchema } from './cacheable.js';
import { InputResponseRequestParamsSchema } from './input-responses.js';
import { ModernResultSchema } from './result.js';

/** The result of a 2026-07-28 `prompts/list`: a page of prompts with cache hints. */
export const ModernListPromptsResultSchema = ListPromptsResultSchema.extend(CacheableResultSchema.shape);
/** The result of a 2026-07-28 `prompts/list`. */
export type ModernListPromptsResult = z.infer<typeof ModernListPromptsResultSchema>;

/** The params of a 2026-07-28 `prompts/get`, a retry included (`inputResponses`, `requestState`). */
export const ModernGetPromptRequestParamsSchema = GetPromptRequestParamsSchema.extend(InputResponseRequestParamsSchema.shape);
/** The params of a 2026-07-28 `prompts/get`. */
export type ModernGetPromptRequestParams = z.infer<typeof ModernGetPromptRequestParamsSchema>;

/** The complete result of a 2026-07-28 `prompts/get`. */
export const ModernGetPromptResultSchema = GetPromptResultSchema.extend(ModernResultSchema.shape);
/** The complete result of a 2026-07-28 `prompts/get`. */
export type ModernGetPromptResult = z.infer<typeof ModernGetPromptResultSchema>;
