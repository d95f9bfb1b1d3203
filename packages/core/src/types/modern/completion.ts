import type { z } from 'zod';
import { CompleteRequestParamsSchema, CompleteResultSchema } from '../completion.js';
import { ModernRequestMetaSchema } from './meta.js';
import { ModernResultSchema } from './result.js';

/** The params of a 2026-07-28 `completion/complete`, with the per-request envelope. */
export const ModernCompleteRequestParamsSchema = CompleteRequestParamsSchema.extend({ _meta: ModernRequestMetaSchema });
/** The params of a 2026-07-28 `completion/complete`. */
export type ModernCompleteRequestParams = z.infer<typeof ModernCompleteRequestParamsSchema>;

/** The result of a 2026-07-28 `completion/complete`. */
export const ModernCompleteResultSchema = CompleteResultSchema.extend(ModernResultSchema.shape);
/** The result of a 2026-07-28 `completion/complete`. */
export type ModernCompleteResult = z.infer<typeof ModernCompleteResultSchema>;
