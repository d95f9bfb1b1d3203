import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { ReadResourceResult, Resource } from '../types/index.js';
import { APP_MIME_TYPE, type AppResourceMeta } from './app-meta.js';
import { contentSecurityPolicy, permissionsPolicy } from './content-security-policy.js';
import { parseResourceMeta, uiMetaOf } from './resource-meta.js';

/** An app's HTML with everything a host needs to frame it. */
export interface AppResource {
  /** The `ui://` URI it was read from. */
  uri: string;
  /** `text/html;profile=mcp-app`. */
  mimeType: string;
  /** The HTML document (a base64 `blob` decoded as UTF-8). */
  html: string;
  /** The resource's `_meta.ui`, checked: the content item's, else the `resources/list` entry's, else empty. */
  meta: AppResourceMeta;
  /** The Content Security Policy to apply to the app's frame, built from `meta.csp` (see `contentSecurityPolicy`). */
  contentSecurityPolicy: string;
  /** The iframe `allow` attribute for the permissions the app asks for; empty when none. */
  allow: string;
}

type Where = { server: string | undefined; method: string };

/**
 * The app resource `uri` in a `resources/read` result, checked against SEP-1865 (a `ui://` URI, the
 * app MIME type, HTML as text or blob, valid `_meta.ui`). `listed` gives the `resources/list` entry's
 * `_meta.ui` when the content item has none.
 */
export async function appResourceFrom(
  result: ReadResourceResult,
  uri: string,
  listed: () => Promise<Resource | undefined>,
  where: Where,
): Promise<AppResource> {
  const invalid = (detail: string): InvalidResponseError => new InvalidResponseError(`the app resource ${uri} ${detail}`, where);
  if (!uri.startsWith('ui://')) throw invalid('is not a ui:// URI, which SEP-1865 requires of app resources');
  const content = result.contents.find((entry) => entry.uri === uri) ?? (result.contents.length === 1 ? result.contents[0] : undefined);
  if (content === undefined) throw invalid('was not in the resources/read result');
  if (content.mimeType?.replace(/\s/g, '').toLowerCase() !== APP_MIME_TYPE)
    throw invalid(`has the MIME type ${JSON.stringify(content.mimeType ?? null)}, not "${APP_MIME_TYPE}": this client cannot render it`);
  const html = 'text' in content && typeof content.text === 'string' ? content.text : decodeBlob(content);
  if (html === undefined) throw invalid('has neither text nor a blob');
  const raw = uiMetaOf(content) ?? uiMetaOf(await listed());
  const meta = raw === undefined ? {} : parseResourceMeta(raw, { uri, ...where });
  return {
    uri,
    mimeType: APP_MIME_TYPE,
    html,
    meta,
    contentSecurityPolicy: contentSecurityPolicy(meta),
    allow: permissionsPolicy(meta),
  };
}

function decodeBlob(content: object): string | undefined {
  if (!('blob' in content) || typeof content.blob !== 'string') return undefined;
  const bytes = Uint8Array.from(atob(content.blob), (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8').decode(bytes);
}
