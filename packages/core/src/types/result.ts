import { z } from 'zod';
import { CursorSchema, MetaSchema } from './base.js';

/** The result of any request: an object with an optional `_meta`. */
export const ResultSchema = z.looseObject({ _meta: MetaSchema.optional() });
/** The result of any request. */
export type Result = z.infer<typeof ResultSchema>;

/** A result that carries nothing but success, such as the answer to `ping`. */
export const EmptyResultSchema = ResultSchema;
/** A result that carries nothing but success. */
export type EmptyResult = z.infer<typeof EmptyResultSchema>;

/** The result of a paginated list request; a `null` cursor, which some servers send, is read as absent. */
export const PaginatedResultSchema = ResultSchema.extend({
  nextCursor: CursorSchema.nullish()
    .transform((cursor) => cursor ?? undefined)
    .optional(),
});
/** The result of a paginated list request. */
export type PaginatedResult = z.infer<typeof PaginatedResultSchema>;
