import { z } from 'zod';
import { MetaSchema, ProgressTokenSchema, RequestIdSchema } from './base.js';
import { LoggingLevelSchema } from './logging.js';

/** The params every notification may carry: only `_meta`. */
export const NotificationParamsSchema = z.looseObject({ _meta: MetaSchema.optional() });
/** The params every notification may carry. */
export type NotificationParams = z.infer<typeof NotificationParamsSchema>;

/** The params of the `notifications/{tools,prompts,resources,roots}/list_changed` notifications. */
export const ListChangedNotificationParamsSchema = NotificationParamsSchema;
/** The params of a list-changed notification. */
export type ListChangedNotificationParams = z.infer<typeof ListChangedNotificationParamsSchema>;

/** The params of `notifications/progress`. */
export const ProgressNotificationParamsSchema = NotificationParamsSchema.extend({
  progressToken: ProgressTokenSchema,
  progress: z.number(),
  total: z.number().optional(),
  message: z.string().optional(),
});
/** The params of `notifications/progress`. */
export type ProgressNotificationParams = z.infer<typeof ProgressNotificationParamsSchema>;

/** The params of `notifications/cancelled`; `requestId` is optional since 2025-11-25, where tasks cancel otherwise. */
export const CancelledNotificationParamsSchema = NotificationParamsSchema.extend({
  requestId: RequestIdSchema.optional(),
  reason: z.string().optional(),
});
/** The params of `notifications/cancelled`. */
export type CancelledNotificationParams = z.infer<typeof CancelledNotificationParamsSchema>;

/** The params of `notifications/message`, a log message from the server. */
export const LoggingMessageNotificationParamsSchema = NotificationParamsSchema.extend({
  level: LoggingLevelSchema,
  logger: z.string().optional(),
  data: z.unknown(),
});
/** The params of `notifications/message`. */
export type LoggingMessageNotificationParams = z.infer<typeof LoggingMessageNotificationParamsSchema>;

/** The params of `notifications/resources/updated`. */
export const ResourceUpdatedNotificationParamsSchema = NotificationParamsSchema.extend({ uri: z.string() });
/** The params of `notifications/resources/updated`. */
export type ResourceUpdatedNotificationParams = z.infer<typeof ResourceUpdatedNotificationParamsSchema>;

/** The params of `notifications/elicitation/complete`, sent when a URL-mode elicitation finished (2025-11-25). */
export const ElicitationCompleteNotificationParamsSchema = NotificationParamsSchema.extend({
  elicitationId: z.string(),
});
/** The params of `notifications/elicitation/complete`. */
export type ElicitationCompleteNotificationParams = z.infer<typeof ElicitationCompleteNotificationParamsSchema>;
