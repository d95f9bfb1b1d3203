import type { z } from 'zod';
import {
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ReadResourceRequestParamsSchema,
  ReadResourceResultSchema,
} from '../resources.js';
import { CacheableResultSchema } from './cacheable.js';
import { InputResponseRequestParamsSchema } from './input-responses.js';

/** The result of a 2026-07-28 `resources/list`: a page of resources with cache hints. */
export const ModernListResourcesResultSchema = ListResourcesResultSchema.extend(CacheableResultSchema.shape);
/** The result of a 2026-07-28 `resources/list`. */
export type ModernListResourcesResult = z.infer<typeof ModernListResourcesResultSchema>;

/** The result of a 2026-07-28 `resources/templates/list`: a page of templates with cache hints. */
export const ModernListResourceTemplatesResultSchema = ListResourceTemplatesResultSchema.extend(CacheableResultSchema.shape);
/** The result of a 2026-07-28 `resources/templates/list`. */
export type ModernListResourceTemplatesResult = z.infer<typeof ModernListResourceTemplatesResultSchema>;

/** The params of a 2026-07-28 `resources/read`, a retry included (`inputResponses`, `requestState`). */
export const ModernReadResourceRequestParamsSchema = ReadResourceRequestParamsSchema.extend(InputResponseRequestParamsSchema.shape);
/** The params of a 2026-07-28 `resources/read`. */
export type ModernReadResourceRequestParams = z.infer<typeof ModernReadResourceRequestParamsSchema>;

/** The complete result of a 2026-07-28 `resources/read`: the contents with cache hints. */
export const ModernReadResourceResultSchema = ReadResourceResultSchema.extend(CacheableResultSchema.shape);
/** The complete result of a 2026-07-28 `resources/read`. */
export type ModernReadResourceResult = z.infer<typeof ModernReadResourceResultSchema>;
