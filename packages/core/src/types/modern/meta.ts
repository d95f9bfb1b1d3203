import { z } from 'zod';
import { ImplementationSchema, RequestIdSchema, RequestMetaSchema } from '../base.js';
import { ClientCapabilitiesSchema } from '../capabilities.js';
import { LoggingLevelSchema } from '../logging.js';
import {
  CLIENT_CAPABILITIES_KEY,
  CLIENT_INFO_KEY,
  LOG_LEVEL_KEY,
  PROTOCOL_VERSION_KEY,
  SERVER_INFO_KEY,
  SUBSCRIPTION_ID_KEY,
} from './meta-keys.js';

/**
 * The `_meta` of a 2026-07-28 request: the protocol version and client capabilities every request carries, with the
 * optional client info, log level, progress token and W3C trace context.
 */
export const ModernRequestMetaSchema = RequestMetaSchema.extend({
  [PROTOCOL_VERSION_KEY]: z.string(),
  [CLIENT_INFO_KEY]: ImplementationSchema.optional(),
  [CLIENT_CAPABILITIES_KEY]: ClientCapabilitiesSchema,
  [LOG_LEVEL_KEY]: LoggingLevelSchema.optional(),
  traceparent: z.string().optional(),
  tracestate: z.string().optional(),
  baggage: z.string().optional(),
});
/** The `_meta` of a 2026-07-28 request. */
export type ModernRequestMeta = z.infer<typeof ModernRequestMetaSchema>;

/** The `_meta` of a 2026-07-28 result, where the server names itself under `io.modelcontextprotocol/serverInfo`. */
export const ResultMetaSchema = z.looseObject({ [SERVER_INFO_KEY]: ImplementationSchema.optional() });
/** The `_meta` of a 2026-07-28 result. */
export type ResultMeta = z.infer<typeof ResultMetaSchema>;

/** The `_meta` of a 2026-07-28 notification, tagged with its subscription when a `subscriptions/listen` stream carries it. */
export const NotificationMetaSchema = z.looseObject({ [SUBSCRIPTION_ID_KEY]: RequestIdSchema.optional() });
/** The `_meta` of a 2026-07-28 notification. */
export type NotificationMeta = z.infer<typeof NotificationMetaSchema>;
