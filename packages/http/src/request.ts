/**
 * @module @mcpx/http/request — the HTTP request layer of mcpx's HTTP transports, for a
 * transport built on `@mcpx/http` (`@mcpx/sse` is): configured and auth provider headers, the
 * provider's 401/403 retry, DPoP proofs told the URL and method of each request, redirects that
 * drop credentials once they leave the request's origin, network failures as retryable
 * `TransportError`s, and undici's dispatcher or a user-supplied `fetch` underneath; `Utf8Chunks`
 * decodes a body's chunks as they arrive. Meant for transports, not applications: connect with
 * `StreamableHttpTransport` instead. Every export is public API, versioned with the package.
 *
 * @example
 * const http = new HttpClient({ url, headers: {}, secretHeaders: new Set(), authProvider, fetch: undefined, dispatcher: undefined, requestInit: {}, maxRedirects: 5 }, { target: url.href, server: 'docs' });
 * const { response } = await http.send({ method: 'GET', headers: { accept: 'text/event-stream' }, exchange: new Exchange() });
 */
export { HttpClient, isNetworkFailure } from './http-client.js';
export { Exchange } from './exchange.js';
export { discard } from './body.js';
export { isOk } from './http-response.js';
export { Utf8Chunks } from './decode-chunks.js';

export type { HttpClientSettings, HttpRequest } from './http-client.js';
export type { HttpResponse, HttpBody } from './http-response.js';
export type { ErrorScope } from './errors.js';
export type { RequestFetch, RequestFetchInit, FetchedResponse, HttpRequestInit } from './fetch.js';
export type { HeaderRecord } from './headers.js';
