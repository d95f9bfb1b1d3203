import type { AppResource } from './app-resource.js';

const DOCTYPE = /^\uFEFF?\s*<!doctype\b[^>]*>/i;

/**
 * The app's HTML with its Content Security Policy in a `<meta http-equiv>` placed before anything of
 * the document's own (right after its doctype, if it starts with one), so a browser applies the
 * policy before it reads a single tag of the app: wherever the document's `<head>` is, in a comment
 * or a script, or missing. The policy is escaped for the attribute. For a frame's `srcdoc` or a file
 * a user opens; a host that serves the app over HTTP can send `app.contentSecurityPolicy` as a header instead.
 * @example
 * frame.srcdoc = withContentSecurityPolicy(await api.read(tool));
 */
export function withContentSecurityPolicy(app: Pick<AppResource, 'html' | 'contentSecurityPolicy'>): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(app.contentSecurityPolicy)}">`;
  const doctype = DOCTYPE.exec(app.html)?.[0] ?? '';
  return `${doctype}${meta}${app.html.slice(doctype.length)}`;
}

/** `text` as the value of a double-quoted HTML attribute: no character reference or quote survives. */
function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
