import type { z } from 'zod';
import { NotificationParamsSchema, ResourceUpdatedNotificationParamsSchema } from '../notifications.js';
import { NotificationMetaSchema } from './meta.js';

/** The params of a 2026-07-28 notification, such as a list-changed one: only `_meta`, with the subscription id on a stream. */
export const ModernNotificationParamsSchema = NotificationParamsSchema.extend({ _meta: NotificationMetaSchema.optional() });
/** The params of a 2026-07-28 notification. */
export type ModernNotificationParams = z.infer<typeof ModernNotificationParamsSchema>;

/** The params of a 2026-07-28 `notifications/resources/updated`, tagged with the subscription that asked for it. */
export const ModernResourceUpdatedNotificationParamsSchema = ResourceUpdatedNotificationParamsSchema.extend({
  _meta: NotificationMetaSchema.optional(),
});
/** The params of a 2026-07-28 `notifications/resources/updated`. */
export type ModernResourceUpdatedNotificationParams = z.infer<typeof ModernResourceUpdatedNotificationParamsSchema>;
