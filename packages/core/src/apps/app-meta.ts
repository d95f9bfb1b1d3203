/** The identifier of the MCP Apps extension (SEP-1865). */
export const APPS_EXTENSION_ID = 'io.modelcontextprotocol/ui';

/** The MIME type of an MCP App's HTML document, the one content type SEP-1865 defines. */
export const APP_MIME_TYPE = 'text/html;profile=mcp-app';

/** Who may call a tool: the model (the agent's tool list) and/or an app of the same server. */
export type AppVisibility = 'model' | 'app';

/** The app a tool points at (`_meta.ui`), as `appOf(tool)` reads it. */
export interface ToolApp {
  /** The `ui://` URI of the app's HTML resource. */
  resourceUri: string;
  /** Who may call the tool; `["model", "app"]` when the tool does not say, none when its `visibility` is not a list. */
  visibility: AppVisibility[];
}

/** The origins an app declares it needs, each mapped to Content Security Policy directives by the host. */
export interface AppCsp {
  /** Origins for fetch, XHR and WebSocket (`connect-src`). */
  connectDomains?: string[] | undefined;
  /** Origins for scripts, images, styles, fonts and media (`script-src`, `img-src`...). */
  resourceDomains?: string[] | undefined;
  /** Origins for nested iframes (`frame-src`). */
  frameDomains?: string[] | undefined;
  /** Allowed base URIs of the document (`base-uri`). */
  baseUriDomains?: string[] | undefined;
}

/** Browser features an app asks for; a host may grant them through the iframe's `allow` attribute. */
export interface AppPermissions {
  /** The camera (`allow="camera"`); an empty object asks for it. */
  camera?: Record<string, unknown> | undefined;
  /** The microphone (`allow="microphone"`); an empty object asks for it. */
  microphone?: Record<string, unknown> | undefined;
  /** The device's location (`allow="geolocation"`); an empty object asks for it. */
  geolocation?: Record<string, unknown> | undefined;
  /** Writing to the clipboard (`allow="clipboard-write"`); an empty object asks for it. */
  clipboardWrite?: Record<string, unknown> | undefined;
}

/** A UI resource's `_meta.ui`: how a host must sandbox and frame the app. */
export interface AppResourceMeta {
  /** The origins the app needs; none (the restrictive default) when absent. */
  csp?: AppCsp | undefined;
  /** The browser features the app asks for. */
  permissions?: AppPermissions | undefined;
  /** A dedicated sandbox origin, in a host-specific format. */
  domain?: string | undefined;
  /** Whether the app wants a visible border and background; the host decides when absent. */
  prefersBorder?: boolean | undefined;
}
