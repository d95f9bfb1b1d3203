import { AUTH_RETRY_LIMIT, AuthError, McpxError, type AuthProvider } from '@mcpx/core';
import { fetch as undiciFetch, getGlobalDispatcher, type Dispatcher } from 'undici';
import { AuthHeaders } from './auth-headers.js';
import { discard } from './body.js';
import { dispatch, targetOf, type Target } from './dispatch.js';
import { messageOf, networkReason, transportError, type ErrorScope } from './errors.js';
import type { Exchange } from './exchange.js';
import type { FetchedResponse, HttpRequestInit, RequestFetch, RequestFetchInit } from './fetch.js';
import { fromFetchResponse } from './fetch-response.js';
import { mergeHeaders, secretNames, type HeaderRecord } from './headers.js';
import type { HttpResponse } from './http-response.js';
import { AS_ANSWER, FirstHop, handOver, Unreachable, type HopClient } from './hop-outcomes.js';
import { followRedirects, isRedirect, type HopRequest } from './redirects.js';

/** What every request of one `HttpClient` shares: where requests go by default, and what they carry. */
export interface HttpClientSettings {
  /** Where a request goes unless it names another URL. */
  readonly url: URL;
  /** Headers sent with every request, names in lower case. */
  readonly headers: Readonly<HeaderRecord>;
  /**
   * Names, in lower case, of further headers dropped once a redirect leaves the request's
   * origin. `Authorization`, `Cookie`, `Proxy-Authorization`, `Mcp-Session-Id` and every
   * header the auth provider gave are dropped anyway.
   */
  readonly secretHeaders: ReadonlySet<string>;
  /** Supplies credentials for each request and is told about 401 and 403 answers. */
  readonly authProvider: AuthProvider | undefined;
  /** A `fetch` to send through instead of undici's dispatcher. */
  readonly fetch: RequestFetch | undefined;
  /** The undici dispatcher requests go through (handed to `fetch` too, when both are set); undici's global one when not set. */
  readonly dispatcher: Dispatcher | undefined;
  /** Further `fetch` options; any of them sends requests through undici's `fetch` instead of straight through the dispatcher. */
  readonly requestInit: HttpRequestInit;
  /** Redirects followed per request. */
  readonly maxRedirects: number;
}

/** One request, before credentials are added. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Where the request goes, and the URL the auth provider is told. @default the settings' `url` */
  url?: URL | undefined;
  /** The transport's own headers (Accept, session, protocol version...), names in lower case; they win over configured ones. */
  headers: HeaderRecord;
  /**
   * Headers of this request alone (request middleware's): over the configured ones, under the
   * auth provider's and the transport's own.
   */
  extraHeaders?: Readonly<Record<string, string>> | undefined;
  body?: string | undefined;
  /** What stops the request and the reading of its body: its message's exchange. */
  exchange: Exchange;
  /** The JSON-RPC method involved, for error messages. */
  rpcMethod?: string | undefined;
}

/** A response and the URL that gave it (another than the request's after a redirect). */
export interface HttpAnswer {
  response: HttpResponse;
  url: URL;
}

/**
 * What becomes of a request's answer or failure (`sendThen`): the request settles
 * with what it returns (a promise of it is adopted). Never called from inside undici's
 * callbacks, nor from inside `Exchange.abort()`.
 */
export interface AnswerHandler<T> {
  /**
   * The final response and the URL that gave it, for any status but a 401 or 403 the provider
   * did not fix. The handler owns the body from here: it must read it or `discard` it, or the
   * connection stays taken (one that throws synchronously has it let go for it).
   */
  answered(answer: HttpAnswer): T | PromiseLike<T>;
  /** The error `send` would reject with: a network failure, the exchange's reason, an `AuthError`... */
  failed(error: unknown): T | PromiseLike<T>;
}

/** The `User-Agent` undici's `fetch` sends, sent on the dispatcher path too, so servers see the same client either way. */
const DISPATCH_DEFAULT_HEADERS: HeaderRecord = { 'user-agent': 'undici' };

const networkFailures = new WeakSet<Error>();

let sendThenOf: <T>(http: HttpClient, request: HttpRequest, handler: AnswerHandler<T>) => Promise<T>;

/**
 * Sends `request` as `http.send` does, and settles with what `handler` makes of its answer or of
 * its failure (the error `send` would reject with). Without an auth provider, a custom `fetch`
 * or `requestInit`, the request in flight is one undici dispatch holding `handler`, no
 * continuation chained to it. For the package's transports: not part of `HttpClient`'s public API.
 */
export function sendThen<T>(http: HttpClient, request: HttpRequest, handler: AnswerHandler<T>): Promise<T> {
  return sendThenOf(http, request, handler);
}

/** Whether `status` refuses the request's credentials (401 or 403). */
function isRefusal(status: number): boolean {
  return status === 401 || status === 403;
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** True for the error of a request that got no HTTP answer at all (refused, reset, DNS...): a retryable `TransportError`. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof Error && networkFailures.has(error);
}

/**
 * Sends a transport's HTTP requests: adds configured and provider headers, follows
 * redirects without leaking credentials to another origin, lets the auth provider fix a 401
 * or 403 (up to `AUTH_RETRY_LIMIT` retries), and turns a request that got no answer into a
 * retryable `TransportError`.
 */
export class HttpClient {
  /** Where requests to the settings' URL go, computed once. */
  readonly #endpoint: Target;
  /** Whether requests go through `fetch`: a user-supplied one, or undici's to honour `requestInit`. Otherwise straight through the dispatcher. */
  readonly #viaFetch: boolean;
  /** The configured headers, after the defaults the dispatcher path adds. */
  readonly #baseHeaders: HeaderRecord;
  #lastOwn: HeaderRecord | undefined;
  #lastMerged: HeaderRecord = {};
  /** The provider's headers merged with the others, kept while the provider answers the same frozen record. */
  readonly #auth: AuthHeaders;
  /** The settings' URL as the auth provider is told it: a copy made once, so no URL is parsed a request and a provider that changes it changes nothing here. */
  readonly #authUrl: URL;
  /** The last other URL a request named, and the copy of it the provider is told. */
  #otherUrl: URL | undefined;
  #otherAuthUrl: URL | undefined;
  /** What the outcomes of this client's hops call back: private methods, kept out of the public API. */
  readonly #hops: HopClient = {
    firstAnswer: (first, target, hop, request) => this.#firstAnswer(first, target, hop, request),
    unreachable: (error, url, request) => this.#unreachable(error, url, request),
  };

  static {
    sendThenOf = (http, request, handler) => http.#sendThen(request, handler);
  }

  /** `scope` names the transport's URL and server in the errors it raises. */
  constructor(
    private readonly settings: HttpClientSettings,
    readonly scope: ErrorScope,
  ) {
    this.#endpoint = targetOf(settings.url);
    this.#viaFetch = settings.fetch !== undefined || Object.keys(settings.requestInit).length > 0;
    this.#baseHeaders = this.#viaFetch ? { ...settings.headers } : { ...DISPATCH_DEFAULT_HEADERS, ...settings.headers };
    this.#auth = new AuthHeaders(this.#baseHeaders);
    this.#authUrl = new URL(settings.url);
  }

  /**
   * Sends `request`; resolves with the final response and the URL that gave it (another after
   * a redirect), for any status but 401 and 403, which reject with `AuthError` unless the
   * provider fixes them. Rejects with a retryable `TransportError` when no answer came
   * (`isNetworkFailure` tells it), and with the exchange's reason when it was aborted.
   */
  send(request: HttpRequest): Promise<{ response: HttpResponse; url: URL }> {
    return this.#sendThen(request, AS_ANSWER);
  }

  /** Sends `request` and settles with what `handler` makes of its answer or failure (`sendThen`). */
  #sendThen<T>(request: HttpRequest, handler: AnswerHandler<T>): Promise<T> {
    const provider = this.settings.authProvider;
    if (provider !== undefined || this.#viaFetch) {
      const answer = provider !== undefined ? this.#sendAuthorized(provider, request) : this.#fetchFirst(request);
      return answer.then(
        (got) => handOver(handler, got),
        (error: unknown) => handler.failed(error),
      );
    }
    const target = request.url ?? this.settings.url;
    const hop = this.#hopOf(request);
    return dispatch(
      this.#dispatcher(),
      this.#targetOf(target),
      hop,
      request.exchange,
      new FirstHop(this.#hops, target, hop, request, handler),
    );
  }

  /** The one hop of a request without a provider: the configured headers under the request's. */
  #hopOf(request: HttpRequest): HopRequest {
    const headers =
      request.extraHeaders !== undefined
        ? mergeHeaders(this.#baseHeaders, request.extraHeaders, request.headers)
        : this.#merged(request.headers);
    return { method: request.method, headers, body: request.body };
  }

  /** A request without a provider, through `fetch`. */
  async #fetchFirst(request: HttpRequest): Promise<HttpAnswer> {
    const target = request.url ?? this.settings.url;
    const hop = this.#hopOf(request);
    return this.#firstAnswer(await this.#fetchOnce(target, hop, request), target, hop, request);
  }

  /** `HopClient.firstAnswer`: a first hop's response as the answer, unless it was redirected or refused. */
  #firstAnswer(first: HttpResponse, target: URL, hop: HopRequest, request: HttpRequest): HttpAnswer | Promise<HttpAnswer> {
    if (!isRedirect(first) && !isRefusal(first.status)) return { response: first, url: target };
    return this.#afterFirstHop(first, target, hop, request);
  }

  /** The answer of a first hop that was redirected or refused: the redirects followed, and a refusal as `AuthError`. */
  async #afterFirstHop(first: HttpResponse, target: URL, hop: HopRequest, request: HttpRequest): Promise<HttpAnswer> {
    const { response, url } = await this.#follow(first, target, hop, request, undefined);
    if (!isRefusal(response.status)) return { response, url };
    const wwwAuthenticate = response.headers['www-authenticate'];
    discard(response);
    throw new AuthError(response.status, url.href, wwwAuthenticate, {
      server: this.scope.server,
      method: request.rpcMethod,
    });
  }

  /** `send` with an auth provider: its headers on every request, and its chance to fix a 401 or 403. */
  async #sendAuthorized(provider: AuthProvider, request: HttpRequest): Promise<HttpAnswer> {
    const target = request.url ?? this.settings.url;
    for (let attempt = 0; ; attempt++) {
      let auth = this.#authHeaders(provider, target, request);
      if (auth instanceof Promise) auth = await auth;
      const headers =
        request.extraHeaders !== undefined
          ? mergeHeaders(this.#baseHeaders, request.extraHeaders, auth, request.headers)
          : this.#auth.merged(auth, request.headers);
      const hop: HopRequest = { method: request.method, headers, body: request.body };
      const first = await this.#sendOnce(target, hop, request);
      const { response, url } = await this.#follow(first, target, hop, request, auth);
      if (!isRefusal(response.status)) return { response, url };
      const status = response.status as 401 | 403;
      const refusal = response.headers;
      const wwwAuthenticate = refusal['www-authenticate'];
      discard(response);
      if (attempt < AUTH_RETRY_LIMIT && (await this.#onUnauthorized(url, status, refusal, { attempt, sent: auth }, request))) continue;
      throw new AuthError(status, url.href, wwwAuthenticate, { server: this.scope.server, method: request.rpcMethod });
    }
  }

  /** Follows the redirects of a first answer; `auth` is what the provider gave, dropped with the other secrets on another origin. */
  #follow(first: HttpResponse, target: URL, hop: HopRequest, request: HttpRequest, auth: HeaderRecord | undefined): Promise<HttpAnswer> {
    if (!isRedirect(first)) return Promise.resolve({ response: first, url: target });
    return followRedirects((next, nextHop) => this.#sendOnce(next, nextHop, request), target, hop, {
      first,
      secrets: secretNames(this.settings.secretHeaders, auth ?? {}),
      maxRedirects: this.settings.maxRedirects,
      scope: this.scope,
      method: request.rpcMethod,
    });
  }

  /**
   * The configured headers under the transport's `own` (a `HeaderRecord`: lower-case names).
   * The session, and the 2026-07-28 headers of one tool, hand out the same record until it
   * changes, so the last merge is kept and reused.
   */
  #merged(own: HeaderRecord): HeaderRecord {
    if (own !== this.#lastOwn) {
      this.#lastOwn = own;
      this.#lastMerged = mergeHeaders(this.#baseHeaders, own);
    }
    return this.#lastMerged;
  }

  /** The URL the provider is told for a request to `url`: a copy, made once per URL in a row. */
  #authUrlOf(url: URL): URL {
    if (url === this.settings.url) return this.#authUrl;
    if (url !== this.#otherUrl) {
      this.#otherUrl = url;
      this.#otherAuthUrl = new URL(url);
    }
    return this.#otherAuthUrl ?? this.#authUrl;
  }

  /** The provider's headers: at once when it answers synchronously, so a valid token costs no await. */
  #authHeaders(provider: AuthProvider, url: URL, request: HttpRequest): HeaderRecord | Promise<HeaderRecord> {
    let answer: ReturnType<AuthProvider['headers']>;
    try {
      answer = provider.headers({ url: this.#authUrlOf(url), method: request.method });
    } catch (error) {
      throw this.#providerFailed('headers', error, url, request);
    }
    if (!isThenable(answer)) return this.#auth.lowered(answer);
    return Promise.resolve(answer).then(
      (headers) => this.#auth.lowered(headers),
      (error: unknown) => {
        throw this.#providerFailed('headers', error, url, request);
      },
    );
  }

  async #onUnauthorized(
    url: URL,
    status: 401 | 403,
    refusal: Readonly<Record<string, string>>,
    tried: { attempt: number; sent: HeaderRecord },
    request: HttpRequest,
  ): Promise<boolean> {
    const handler = this.settings.authProvider?.onUnauthorized;
    if (handler === undefined) return false;
    const header = (name: string): string | undefined => refusal[name.toLowerCase()];
    const context = {
      url: new URL(url),
      method: request.method,
      status,
      wwwAuthenticate: refusal['www-authenticate'],
      ...tried,
      header,
      signal: request.exchange.signal,
    };
    try {
      return (await handler.call(this.settings.authProvider, context)) === true;
    } catch (error) {
      throw this.#providerFailed('onUnauthorized', error, url, request);
    }
  }

  #providerFailed(hook: string, error: unknown, url: URL, request: HttpRequest): Error {
    if (McpxError.isInstance(error)) return error;
    return transportError(this.scope, `the auth provider's ${hook}() failed for ${request.method} ${url.href}: ${messageOf(error)}`, {
      cause: error,
      method: request.rpcMethod,
    });
  }

  /** Sends one hop, without following redirects. */
  #sendOnce(url: URL, hop: HopRequest, request: HttpRequest): Promise<HttpResponse> {
    if (this.#viaFetch) return this.#fetchOnce(url, hop, request);
    return dispatch(this.#dispatcher(), this.#targetOf(url), hop, request.exchange, new Unreachable(this.#hops, url, request));
  }

  #dispatcher(): Dispatcher {
    return this.settings.dispatcher ?? getGlobalDispatcher();
  }

  #targetOf(url: URL): Target {
    return url === this.settings.url ? this.#endpoint : targetOf(url);
  }

  async #fetchOnce(url: URL, hop: HopRequest, request: HttpRequest): Promise<HttpResponse> {
    const init: RequestFetchInit = {
      ...this.settings.requestInit,
      method: hop.method,
      headers: hop.headers,
      signal: request.exchange.signal,
      redirect: 'manual',
    };
    if (hop.body !== undefined) init.body = hop.body;
    const { fetch, dispatcher } = this.settings;
    let response: FetchedResponse;
    try {
      if (fetch !== undefined)
        response = await fetch(url.href, dispatcher === undefined ? init : ({ ...init, dispatcher } as RequestFetchInit));
      else response = await undiciFetch(url.href, dispatcher === undefined ? init : { ...init, dispatcher });
    } catch (error) {
      throw this.#unreachable(error, url, request);
    }
    if (response.type === 'opaqueredirect') {
      // The body is abandoned for the error below; a cancel that fails changes nothing about it.
      await response.body?.cancel().catch(() => undefined);
      throw transportError(
        this.scope,
        `${url.href} redirected, and the fetch in use hides redirect targets; give the transport one that returns 3xx responses with redirect: 'manual' (undici's or Node's)`,
        { method: request.rpcMethod },
      );
    }
    return fromFetchResponse(response);
  }

  /** `HopClient.unreachable`. */
  #unreachable(error: unknown, url: URL, request: HttpRequest): unknown {
    if (request.exchange.aborted) return request.exchange.reason;
    const failure = transportError(
      this.scope,
      `could not reach ${url.href}: ${networkReason(error)}; check the server is running and the URL is right`,
      {
        cause: error,
        isRetryable: true,
        method: request.rpcMethod,
      },
    );
    networkFailures.add(failure);
    return failure;
  }
}
