import { AUTH_RETRY_LIMIT, AuthError, McpxError, type AuthProvider } from '@mcpx/core';
import { fetch as undiciFetch, getGlobalDispatcher, type RequestInit as UndiciRequestInit } from 'undici';
import { AuthHeaders } from './auth-headers.js';
import { discard } from './body.js';
import { dispatch, targetOf, type Target } from './dispatch.js';
import { messageOf, transportError, type ErrorScope } from './errors.js';
import type { Exchange } from './exchange.js';
import { fromFetchResponse } from './fetch-response.js';
import { mergeHeaders, secretNames, type HeaderRecord } from './headers.js';
import type { HttpResponse } from './http-response.js';
import type { ResolvedHttpOptions } from './options.js';
import { followRedirects, isRedirect, type HopRequest } from './redirects.js';

/** One request of the transport, before credentials are added. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** The transport's own headers (Accept, session, protocol version...); they win over configured ones. */
  headers: HeaderRecord;
  body?: string | undefined;
  /** What stops the request: its message's exchange. */
  exchange: Exchange;
  /** The JSON-RPC method involved, for error messages. */
  rpcMethod?: string | undefined;
}

/** The `User-Agent` undici's `fetch` sends, sent on the dispatcher path too, so servers see the same client either way. */
const DISPATCH_DEFAULT_HEADERS: HeaderRecord = { 'user-agent': 'undici' };

const networkFailures = new WeakSet<Error>();

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** True for the error of a request that got no HTTP answer at all (refused, reset, DNS...). */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof Error && networkFailures.has(error);
}

/**
 * Sends the transport's HTTP requests: adds configured and provider headers, follows
 * redirects without leaking credentials, and lets the auth provider fix a 401 or 403 (up to `AUTH_RETRY_LIMIT` retries).
 */
export class HttpClient {
  /** Where requests to the endpoint go, computed once. */
  readonly #endpoint: Target;
  /** Whether requests go through `fetch`: a user-supplied one, or undici's to honour `requestInit`. Otherwise straight through the dispatcher. */
  readonly #viaFetch: boolean;
  /** The configured headers, after the defaults the dispatcher path adds. */
  readonly #baseHeaders: HeaderRecord;
  #lastOwn: HeaderRecord | undefined;
  #lastMerged: HeaderRecord = {};
  /** The provider's headers merged with the others, kept while the provider answers the same frozen record. */
  readonly #auth: AuthHeaders;
  /** The endpoint as the auth provider is told it: a copy made once, so no URL is parsed a request and a provider that changes it changes nothing here. */
  readonly #authUrl: URL;

  constructor(
    private readonly options: ResolvedHttpOptions,
    readonly scope: ErrorScope,
  ) {
    this.#endpoint = targetOf(options.url);
    this.#viaFetch = options.fetch !== undefined || Object.keys(options.requestInit).length > 0;
    this.#baseHeaders = this.#viaFetch ? options.headers : { ...DISPATCH_DEFAULT_HEADERS, ...options.headers };
    this.#auth = new AuthHeaders(this.#baseHeaders);
    this.#authUrl = new URL(options.url);
  }

  /** Sends `request`; resolves with any final response but 401/403, which reject with `AuthError` unless the provider fixes them. */
  async send(request: HttpRequest): Promise<{ response: HttpResponse; url: URL }> {
    for (let attempt = 0; ; attempt++) {
      let auth = this.options.authProvider === undefined ? undefined : this.#authHeaders(this.options.authProvider, request);
      if (auth instanceof Promise) auth = await auth;
      const headers = auth === undefined ? this.#merged(request.headers) : this.#auth.merged(auth, request.headers);
      const hop: HopRequest = { method: request.method, headers, body: request.body };
      let url = this.options.url;
      let response = await this.#sendOnce(url, hop, request);
      if (isRedirect(response)) {
        ({ response, url } = await followRedirects((target, next) => this.#sendOnce(target, next, request), url, hop, {
          first: response,
          secrets: secretNames(this.options.secretHeaders, auth ?? {}),
          maxRedirects: this.options.maxRedirects,
          scope: this.scope,
          method: request.rpcMethod,
        }));
      }
      if (response.status !== 401 && response.status !== 403) return { response, url };
      const status = response.status;
      const refusal = response.headers;
      const wwwAuthenticate = refusal['www-authenticate'];
      discard(response);
      if (attempt < AUTH_RETRY_LIMIT && (await this.#onUnauthorized(url, status, refusal, { attempt, sent: auth ?? {} }, request))) continue;
      throw new AuthError(status, url.href, wwwAuthenticate, { server: this.scope.server, method: request.rpcMethod });
    }
  }

  /**
   * The configured headers under the transport's `own`. The session hands out the same
   * record until it changes, so the last merge is kept and reused.
   */
  #merged(own: HeaderRecord): HeaderRecord {
    if (own !== this.#lastOwn) {
      this.#lastOwn = own;
      this.#lastMerged = mergeHeaders(this.#baseHeaders, own);
    }
    return this.#lastMerged;
  }

  /** The provider's headers: at once when it answers synchronously, so a valid token costs no await. */
  #authHeaders(provider: AuthProvider, request: HttpRequest): HeaderRecord | Promise<HeaderRecord> {
    let answer: ReturnType<AuthProvider['headers']>;
    try {
      answer = provider.headers({ url: this.#authUrl, method: request.method });
    } catch (error) {
      throw this.#providerFailed('headers', error, request);
    }
    if (!isThenable(answer)) return this.#auth.lowered(answer);
    return Promise.resolve(answer).then(
      (headers) => this.#auth.lowered(headers),
      (error: unknown) => {
        throw this.#providerFailed('headers', error, request);
      },
    );
  }

  async #onUnauthorized(url: URL, status: 401 | 403, refusal: Readonly<Record<string, string>>, tried: { attempt: number; sent: HeaderRecord }, request: HttpRequest): Promise<boolean> {
    const handler = this.options.authProvider?.onUnauthorized;
    if (handler === undefined) return false;
    const header = (name: string): string | undefined => refusal[name.toLowerCase()];
    const context = { url: new URL(url), method: request.method, status, wwwAuthenticate: refusal['www-authenticate'], ...tried, header, signal: request.exchange.signal };
    try {
      return (await handler.call(this.options.authProvider, context)) === true;
    } catch (error) {
      throw this.#providerFailed('onUnauthorized', error, request);
    }
  }

  #providerFailed(hook: string, error: unknown, request: HttpRequest): Error {
    if (McpxError.isInstance(error)) return error;
    return transportError(this.scope, `the auth provider's ${hook}() failed: ${messageOf(error)}`, { cause: error, method: request.rpcMethod });
  }

  /** Sends one hop, without following redirects. */
  async #sendOnce(url: URL, hop: HopRequest, request: HttpRequest): Promise<HttpResponse> {
    if (this.#viaFetch) return this.#fetchOnce(url, hop, request);
    try {
      return await dispatch(this.options.dispatcher ?? getGlobalDispatcher(), url === this.options.url ? this.#endpoint : targetOf(url), hop, request.exchange);
    } catch (error) {
      throw this.#unreachable(error, url, request);
    }
  }

  async #fetchOnce(url: URL, hop: HopRequest, request: HttpRequest): Promise<HttpResponse> {
    const init: RequestInit = { ...this.options.requestInit, method: hop.method, headers: hop.headers, signal: request.exchange.signal, redirect: 'manual' };
    if (hop.body !== undefined) init.body = hop.body;
    const { fetch, dispatcher } = this.options;
    let response: Response;
    try {
      if (fetch !== undefined) response = await fetch(url.href, dispatcher === undefined ? init : ({ ...init, dispatcher } as unknown as RequestInit));
      else response = await undiciFetch(url.href, (dispatcher === undefined ? init : { ...init, dispatcher }) as UndiciRequestInit);
    } catch (error) {
      throw this.#unreachable(error, url, request);
    }
    if (response.type === 'opaqueredirect') {
      // The body is abandoned for the error below; a cancel that fails changes nothing about it.
      await response.body?.cancel().catch(() => undefined);
      throw transportError(this.scope, `${url.href} redirected, and the fetch in use hides redirect targets; give the transport one that returns 3xx responses with redirect: 'manual' (undici's or Node's)`, { method: request.rpcMethod });
    }
    return fromFetchResponse(response);
  }

  /** The error of a request that failed before any answer: a retryable network failure, unless it was aborted. */
  #unreachable(error: unknown, url: URL, request: HttpRequest): unknown {
    if (request.exchange.aborted) return error;
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    const failure = transportError(this.scope, `could not reach ${url.href}: ${messageOf(cause)}; check the server is running and the URL is right`, {
      cause: error,
      isRetryable: true,
      method: request.rpcMethod,
    });
    networkFailures.add(failure);
    return failure;
  }
}
