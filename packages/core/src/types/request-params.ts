import { z } from 'zod';
import { CursorSchema, RequestMetaSchema } from './base.js';

/** The params every request may carry: only `_meta`. */
export const RequestParamsSchema = z.looseObject({ _meta: RequestMetaSchema.optional() });
/** The params every request may carry. */
export type RequestParams = z.infer<typeof RequestParamsSchema>;

/** The params of a paginated list request. */
export const PaginatedRequestParamsSchema = RequestParamsSchema.extend({ cursor: CursorSchema.optional() });
/** The params of a paginated list request. */
export type PaginatedRequestParams = z.infer<typeof PaginatedRequestParamsSchema>;

/** Asks the receiver to run a request as a task, keeping its result for `ttl` milliseconds (2025-11-25). */
export const TaskMetadataSchema = z.looseObject({ ttl: z.number().optional() });
/** The `task` member of a task-augmented request. */
export type TaskMetadata = z.infer<typeof TaskMetadataSchema>;
