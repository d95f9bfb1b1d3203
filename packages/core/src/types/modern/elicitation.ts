import { z } from 'zod';
import { ElicitRequestFormParamsSchema, ElicitRequestURLParamsSchema } from '../elicitation.js';

/** The params of a form-mode `elicitation/create` input request (no `task` in 2026-07-28). */
export const ModernElicitRequestFormParamsSchema = ElicitRequestFormParamsSchema.omit({ task: true });
/** The params of a form-mode `elicitation/create` input request. */
export type ModernElicitRequestFormParams = z.infer<typeof ModernElicitRequestFormParamsSchema>;

/** The params of a URL-mode `elicitation/create` input request: no `elicitationId`, the client learns the outcome by retrying. */
export const ModernElicitRequestURLParamsSchema = ElicitRequestURLParamsSchema.omit({ task: true, elicitationId: true });
/** The params of a URL-mode `elicitation/create` input request. */
export type ModernElicitRequestURLParams = z.infer<typeof ModernElicitRequestURLParamsSchema>;

/** The params of an `elicitation/create` input request, in form or URL mode (`mode` may be absent for a form). */
export const ModernElicitRequestParamsSchema = z.union([ModernElicitRequestURLParamsSchema, ModernElicitRequestFormParamsSchema]);
/** The params of an `elicitation/create` input request. */
export type ModernElicitRequestParams = z.infer<typeof ModernElicitRequestParamsSchema>;
