import type { z } from 'zod';
import { PaginatedRequestParamsSchema, RequestParamsSchema } from '../request-params.js';
import { ModernRequestMetaSchema } from './meta.js';

/** The params every 2026-07-28 request carries: a `_meta` with the per-request envelope (the params of `server/discover`). */
export const ModernRequestParamsSchema = RequestParamsSchema.extend({ _meta: ModernRequestMetaSchema });
/** The params every 2026-07-28 request carries. */
export type ModernRequestParams = z.infer<typeof ModernRequestParamsSchema>;

/** The params of a 2026-07-28 paginated list request: the envelope and an optional cursor. */
export const ModernPaginatedRequestParamsSchema = PaginatedRequestParamsSchema.extend({ _meta: ModernRequestMetaSchema });
/** The params of a 2026-07-28 paginated list request. */
export type ModernPaginatedRequestParams = z.infer<typeof ModernPaginatedRequestParamsSchema>;
