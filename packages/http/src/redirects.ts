import { discard } from './body.js';
import { transportError, type ErrorScope } from './errors.js';
import { sameOrigin, stripSecrets, type HeaderRecord } from './headers.js';
import type { HttpResponse } from './http-response.js';

/** One HTTP request, as sent to one URL. */
export interface HopRequest {
  method: string;
  headers: HeaderRecord;
  body: string | undefined;
}

/** Sends `request` to `url` once, without following redirects. */
export type SendOnce = (url: URL, request: HopRequest) => Promise<HttpResponse>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Whether `response` is a redirect the transport follows: a 301, 302, 303, 307 or 308 with a `Location`. */
export function isRedirect(response: HttpResponse): boolean {
  return REDIRECTS.has(response.status) && response.headers.location !== undefined;
}

/**
 * Sends `request` and follows up to `maxRedirects` redirects. Once a redirect leaves the
 * origin of `url`, the `secrets` headers are dropped for the rest of the chain. 307 and 308
 * keep the method and body; 303 (and 301/302 after a POST) turn into a GET, as in `fetch`.
 * With `first`, the answer to the first hop was already received and is not sent again.
 */
export async function followRedirects(
  send: SendOnce,
  url: URL,
  request: HopRequest,
  options: {
    secrets: ReadonlySet<string>;
    maxRedirects: number;
    scope: ErrorScope;
    method?: string | undefined;
    first?: HttpResponse | undefined;
  },
): Promise<{ response: HttpResponse; url: URL }> {
  let current = url;
  let hop = request;
  let crossed = false;
  for (let count = 0; ; count++) {
    const response =
      count === 0 && options.first !== undefined
        ? options.first
        : await send(current, crossed ? { ...hop, headers: stripSecrets(hop.headers, options.secrets) } : hop);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || location === undefined) return { response, url: current };
    discard(response);
    if (count >= options.maxRedirects) {
      throw transportError(
        options.scope,
        `more than ${options.maxRedirects} redirects, the last from ${current.href}; check the URL, or raise maxRedirects`,
        { method: options.method, status: response.status },
      );
    }
    let next: URL;
    try {
      next = new URL(location, current);
    } catch (cause) {
      throw transportError(options.scope, `${current.href} redirected to an invalid location ${JSON.stringify(location)}`, {
        method: options.method,
        status: response.status,
        cause,
      });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw transportError(options.scope, `${current.href} redirected to ${next.protocol} URL, which is not followed`, {
        method: options.method,
        status: response.status,
      });
    }
    next.hash = '';
    if (!sameOrigin(next, url)) crossed = true;
    if (
      (response.status === 303 && hop.method !== 'GET' && hop.method !== 'HEAD') ||
      ((response.status === 301 || response.status === 302) && hop.method === 'POST')
    ) {
      const { 'content-type': _dropped, ...headers } = hop.headers;
      hop = { method: 'GET', headers, body: undefined };
    }
    current = next;
  }
}
