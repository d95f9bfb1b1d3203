import type { ClientExtension } from '../extensions/extension.js';
import { APP_MIME_TYPE, APPS_EXTENSION_ID } from './app-meta.js';
import { AppsApi } from './apps-api.js';
import { isAppMimeType } from './mime-type.js';

/** Options of the MCP Apps extension. */
export interface AppsOptions {
  /**
   * The app content types this host can render, declared as the extension's `mimeTypes`.
   * `text/html;profile=mcp-app`, the one SEP-1865 requires and the one `read` returns, is always
   * declared, first, whether listed or not. @default ["text/html;profile=mcp-app"]
   */
  mimeTypes?: readonly string[];
}

/**
 * The MCP Apps extension (SEP-1865, `io.modelcontextprotocol/ui`): declares the app types this host
 * renders, so servers offer their tools' interactive UIs, and gives the API to read an app and
 * forward its requests. Works in both protocol eras: the declaration goes in `initialize`'s
 * capabilities or in every 2026-07-28 request's `_meta`.
 * @example
 * const appsExtension = apps();
 * const client = new McpClient({ extensions: [appsExtension] });
 * await client.connect(transport);
 * const api = client.extension(appsExtension);
 * const [first] = await api.tools();
 * const app = await api.read(first.tool);   // app.html, app.contentSecurityPolicy, app.allow
 */
export function apps(options: AppsOptions = {}): ClientExtension<AppsApi> {
  return {
    id: APPS_EXTENSION_ID,
    settings: { mimeTypes: [APP_MIME_TYPE, ...(options.mimeTypes ?? []).filter((type) => !isAppMimeType(type))] },
    create: (host) => new AppsApi(host),
  };
}
