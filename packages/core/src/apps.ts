/**
 * @module @mcpx/core/apps — the MCP Apps extension (SEP-1865, `io.modelcontextprotocol/ui`) for
 * `McpClient`: find the tools that have an interactive UI, read it with the security metadata a host
 * needs to frame it, and forward the app's requests to its server. A separate entry, like the other
 * extensions, so a client that renders no UI does not carry it. Every export is public API.
 */
export { apps } from './apps/apps-extension.js';
export { AppsApi } from './apps/apps-api.js';
export { APPS_EXTENSION_ID, APP_MIME_TYPE } from './apps/app-meta.js';
export { appOf, visibleToModel, callableByApp } from './apps/tool-app.js';
export { contentSecurityPolicy, permissionsPolicy } from './apps/content-security-policy.js';
export { withContentSecurityPolicy } from './apps/app-document.js';
export {
  APP_SERVER_METHODS,
  APP_HOST_METHODS,
  HOST_TO_APP_NOTIFICATIONS,
  HOST_TO_APP_REQUESTS,
  APP_TO_HOST_NOTIFICATIONS,
  isAppServerMethod,
} from './apps/app-bridge.js';
export { AppRequestRefusedError } from './errors/app-request-refused-error.js';

export type { AppsOptions } from './apps/apps-extension.js';
export type { AppTool, AppForwardOptions } from './apps/apps-api.js';
export type { AppResource } from './apps/app-resource.js';
export type { ToolApp, AppVisibility, AppCsp, AppPermissions, AppResourceMeta } from './apps/app-meta.js';
export type { AppServerMethod, AppHostMethod } from './apps/app-bridge.js';
export type { AppRequestRefusal, AppRequestRefusedErrorOptions } from './errors/app-request-refused-error.js';
