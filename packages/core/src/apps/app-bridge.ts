/**
 * The requests an app (a View, in SEP-1865's words) sends that its host forwards to the app's own
 * server through `AppsApi.forward` / `relay`: the standard MCP methods SEP-1865 lets an app use,
 * those the official `AppBridge` proxies.
 */
export const APP_SERVER_METHODS = [
  'tools/call',
  'tools/list',
  'resources/read',
  'resources/list',
  'resources/templates/list',
  'prompts/list',
] as const;

/** A method an app may have its host forward to the server. */
export type AppServerMethod = (typeof APP_SERVER_METHODS)[number];

/**
 * The requests an app sends that its host answers itself, never the server: the `ui/` lifecycle
 * and host features, `ping`, and sampling (the host's model, under the host's approval).
 */
export const APP_HOST_METHODS = [
  'ui/initialize',
  'ui/open-link',
  'ui/download-file',
  'ui/message',
  'ui/request-display-mode',
  'ui/update-model-context',
  'ping',
  'sampling/createMessage',
] as const;

/** A method an app sends to its host, which the host answers itself. */
export type AppHostMethod = (typeof APP_HOST_METHODS)[number];

/**
 * The notifications a host sends an app: the tool's input (partial, then complete), its result or
 * its cancellation, a change of host context, and the server's list changes it relays.
 */
export const HOST_TO_APP_NOTIFICATIONS = [
  'ui/notifications/tool-input-partial',
  'ui/notifications/tool-input',
  'ui/notifications/tool-result',
  'ui/notifications/tool-cancelled',
  'ui/notifications/host-context-changed',
  'notifications/tools/list_changed',
  'notifications/resources/list_changed',
  'notifications/prompts/list_changed',
] as const;

/** The requests a host sends an app: `ui/resource-teardown`, before it unmounts the app, which answers once it has cleaned up. */
export const HOST_TO_APP_REQUESTS = ['ui/resource-teardown'] as const;

/**
 * The notifications an app sends its host: it is initialized, its size changed, it asks to be torn
 * down (the host decides, then sends `ui/resource-teardown`), and its log messages.
 */
export const APP_TO_HOST_NOTIFICATIONS = [
  'ui/notifications/initialized',
  'ui/notifications/size-changed',
  'ui/notifications/request-teardown',
  'notifications/message',
] as const;

/** Whether the host forwards `method` from an app to the server. */
export function isAppServerMethod(method: string): method is AppServerMethod {
  return (APP_SERVER_METHODS as readonly string[]).includes(method);
}
