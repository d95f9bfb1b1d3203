import { z } from 'zod';
import { RequestIdSchema } from '../base.js';
import { ResultMetaSchema } from './meta.js';
import { SUBSCRIPTION_ID_KEY } from './meta-keys.js';
import { ModernNotificationParamsSchema } from './notifications.js';
import { ModernRequestParamsSchema } from './request-params.js';
import { ModernResultSchema } from './result.js';

/** The notifications a `subscriptions/listen` stream opts in to; the server sends no type that is not asked for. */
export const SubscriptionFilterSchema = z.looseObject({
  toolsListChanged: z.boolean().optional(),
  promptsListChanged: z.boolean().optional(),
  resourcesListChanged: z.boolean().optional(),
  resourceSubscriptions: z.array(z.string()).optional(),
});
/** The notifications a `subscriptions/listen` stream opts in to. */
export type SubscriptionFilter = z.infer<typeof SubscriptionFilterSchema>;

/** The params of `subscriptions/listen`: the envelope and the notifications wanted. */
export const SubscriptionsListenRequestParamsSchema = ModernRequestParamsSchema.extend({
  notifications: SubscriptionFilterSchema,
});
/** The params of `subscriptions/listen`. */
export type SubscriptionsListenRequestParams = z.infer<typeof SubscriptionsListenRequestParamsSchema>;

/** The `_meta` of the result that closes a subscription, naming it under `io.modelcontextprotocol/subscriptionId`. */
export const SubscriptionsListenResultMetaSchema = ResultMetaSchema.extend({
  [SUBSCRIPTION_ID_KEY]: RequestIdSchema.optional(),
});
/** The `_meta` of the result that closes a subscription. */
export type SubscriptionsListenResultMeta = z.infer<typeof SubscriptionsListenResultMetaSchema>;

/** The result of `subscriptions/listen`, sent only when the server ends the stream gracefully. */
export const SubscriptionsListenResultSchema = ModernResultSchema.extend({
  _meta: SubscriptionsListenResultMetaSchema.optional(),
});
/** The result of `subscriptions/listen`. */
export type SubscriptionsListenResult = z.infer<typeof SubscriptionsListenResultSchema>;

/** The params of `notifications/subscriptions/acknowledged`, a stream's first message: the notifications it will carry. */
export const SubscriptionsAcknowledgedNotificationParamsSchema = ModernNotificationParamsSchema.extend({
  notifications: SubscriptionFilterSchema,
});
/** The params of `notifications/subscriptions/acknowledged`. */
export type SubscriptionsAcknowledgedNotificationParams = z.infer<typeof SubscriptionsAcknowledgedNotificationParamsSchema>;
