import { InvalidResponseError } from '../index.js';
import type { ReadResourceResult, Resource } from '../types/index.js';
import { APP_MIME_TYPE, type AppResourceMeta } from './app-meta.js';
import { contentSecurityPolicy, permissionsPolicy } from './content-security-policy.js';
import { isAppMimeType } from './mime-type.js';
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
 * The app resource `uri` in a `resources/read` result, checked against SEP-1865 (a content item for
 * that very URI, the app MIME type, HTML as text or base64 blob, valid `_meta.ui`). `listed` gives
 * the `resources/list` entry's `_meta.ui` when the content item has none. The caller checks that
 * `uri` is `ui://` before reading it.
 */
export async function appResourceFrom(
  result: ReadResourceResult,
  uri: string,
  listed: () => Promise<Resource | undefined>,
  where: Where,
): Promise<AppResource> {
  const invalid = (detail: string, cause?: unknown): InvalidResponseError =>
    new InvalidResponseError(`the app resource ${uri} ${detail}`, { ...where, cause });
  const content = result.contents.find((entry) => entry.uri === uri);
  if (content === undefined)
    throw invalid(
      `was not in the resources/read result (its contents are for ${result.contents.map((entry) => JSON.stringify(entry.uri)).join(', ') || 'nothing'}); the server must answer with the resource asked for`,
    );
  if (!isAppMimeType(content.mimeType))
    throw invalid(`has the MIME type ${JSON.stringify(content.mimeType ?? null)}, not "${APP_MIME_TYPE}": this client cannot render it`);
  const html = 'text' in content && typeof content.text === 'string' ? content.text : decodeBlob(content, invalid);
  if (html === undefined) throw invalid('has neither text nor a blob');
  const raw = uiMetaOf(content) ?? uiMetaOf(await listed());
  const meta = raw === undefined ? {} : await parseResourceMeta(raw, { uri, ...where });
  return {
    uri,
    mimeType: APP_MIME_TYPE,
    html,
    meta,
    contentSecurityPolicy: contentSecurityPolicy(meta),
    allow: permissionsPolicy(meta),
  };
}

function decodeBlob(content: object, invalid: (detail: string, cause: unknown) => InvalidResponseError): string | undefined {
  if (!('blob' in content) || typeof content.blob !== 'string') return undefined;
  let binary: string;
  try {
    binary = atob(content.blob);
  } catch (error) {
    throw invalid('has a blob that is not valid base64; the server must encode the HTML as base64 or send it as text', error);
  }
  return new TextDecoder('utf-8').decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
