import { z } from 'zod';
import { ResultSchema } from '../result.js';
import { ResultMetaSchema } from './meta.js';

/**
 * How to read a result: `complete` (the final result) or `input_required` (an `InputRequiredResult`); any string is
 * accepted so that the caller, not the parser, decides what to do with a type from a later revision.
 */
export const ResultTypeSchema = z.string();
/** How to read a result. */
export type ResultType = z.infer<typeof ResultTypeSchema>;

/** The result of any 2026-07-28 request; `resultType` may be absent, which means `complete`. */
export const ModernResultSchema = ResultSchema.extend({
  _meta: ResultMetaSchema.optional(),
  resultType: ResultTypeSchema.optional(),
});
/** The result of any 2026-07-28 request. */
export type ModernResult = z.infer<typeof ModernResultSchema>;

/** The type of a result, reading an absent `resultType` (a server of an earlier revision) as `complete`, as the spec requires. */
export function resultTypeOf(result: { resultType?: string | undefined }): ResultType {
  return result.resultType ?? 'complete';
}
