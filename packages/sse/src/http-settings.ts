import type { HttpClientSettings, RequestFetch } from '@mcpx/http/request';
import type { Dispatcher } from 'undici';
import type { SseFetchInit } from './fetch.js';
import type { ResolvedSseOptions } from './options.js';

/** Redirects followed per request, as the Streamable HTTP transport follows by default. */
const MAX_REDIRECTS = 5;

/**
 * What the transport's requests share, for the request layer of `@mcpx/http`: the stream's URL
 * (POSTs name the endpoint's), the user's headers and auth provider, and either the user's
 * `fetch` or a dispatcher (the user's, else `ownAgent`). Only credentials (`Authorization`,
 * `Cookie`, the provider's headers...) are dropped at another origin: the transport has no
 * `secretHeaders` option.
 */
export function httpSettings(options: ResolvedSseOptions, ownAgent: Dispatcher | undefined): HttpClientSettings {
  const userFetch = options.fetch;
  // The transport sends only GET and POST, which is all `SseFetchInit` allows.
  const fetch: RequestFetch | undefined = userFetch === undefined ? undefined : (url, init) => userFetch(url, init as SseFetchInit);
  return {
    url: options.url,
    headers: options.headers,
    secretHeaders: new Set(),
    authProvider: options.authProvider,
    fetch,
    dispatcher: options.dispatcher ?? ownAgent,
    requestInit: {},
    maxRedirects: MAX_REDIRECTS,
  };
}
