import { z } from 'zod';
import { RequestParamsSchema } from './request-params.js';

/** The severity of a log message, as in syslog (RFC 5424), from least to most severe. */
export const LoggingLevelSchema = z.enum(['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency']);
/** The severity of a log message. */
export type LoggingLevel = z.infer<typeof LoggingLevelSchema>;

/** The params of `logging/setLevel`. */
export const SetLevelRequestParamsSchema = RequestParamsSchema.extend({ level: LoggingLevelSchema });
/** The params of `logging/setLevel`. */
export type SetLevelRequestParams = z.infer<typeof SetLevelRequestParamsSchema>;
