/** What the transport hands to `fetch` for each request. */
export interface SseFetchInit {
  method: 'GET' | 'POST';
  /** Every header of the request, names in lower case. */
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /**
   * Redirects are followed by the transport, which drops credentials once they leave the
   * request's origin: the `fetch` must answer a redirect with the 3xx response itself.
   */
  redirect: 'manual';
}

/** The part of a fetch `Response` the transport reads. */
export interface SseFetchResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
}

/**
 * A `fetch` function to use instead of undici's: Node's global one, or a wrapper of your own
 * (for logging, proxies or tests). It is given a URL string and these few options, and must
 * honour `redirect: 'manual'` (Node's and undici's do).
 */
export type SseFetch = (url: string, init: SseFetchInit) => Promise<SseFetchResponse>;
