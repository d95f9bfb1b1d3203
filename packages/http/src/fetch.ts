/**
 * A `fetch` implementation: the global one, or any with the same shape. It must support
 * `redirect: 'manual'` and return the 3xx response itself, as Node's and undici's do.
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What `requestInit` may set: everything except what the transport controls itself. */
export type HttpRequestInit = Omit<RequestInit, 'method' | 'body' | 'headers' | 'signal' | 'redirect' | 'dispatcher'>;

/** What the request layer hands a user-supplied `fetch` for one hop: the transport's `requestInit` and these. */
export type RequestFetchInit = HttpRequestInit & {
  method: string;
  /** Every header of the hop, names in lower case. */
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** Redirects are followed by the request layer, which drops credentials at another origin. */
  redirect: 'manual';
};

/** The part of a fetch `Response` the request layer reads; a `Response` has it all. */
export interface FetchedResponse {
  readonly status: number;
  readonly statusText: string;
  /** `forEach` when there is one (a `Headers` has), else headers are looked up by name as they are read. */
  readonly headers: { get(name: string): string | null; forEach?(callback: (value: string, name: string) => void): void };
  readonly body: ReadableStream<Uint8Array> | null;
  /** `'opaqueredirect'` from a `fetch` that hides redirect targets, which the layer cannot follow. */
  readonly type?: string | undefined;
}

/**
 * The `fetch` the request layer sends through when one is configured: `FetchLike` (a
 * standard `fetch`) fits, and so does a narrower function that reads only these fields.
 */
export type RequestFetch = (url: string, init: RequestFetchInit) => Promise<FetchedResponse>;
