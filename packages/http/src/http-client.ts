import { AuthError, McpxError } from '@mcpx/core';
import { fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';
import { discard } from './body.js';
import { messageOf, transportError, type ErrorScope } from './errors.js';
import { mergeHeaders, secretNames, type HeaderRecord } from './headers.js';
import type { ResolvedHttpOptions } from './options.js';
import { followRedirects, type HopRequest } from './redirects.js';

/** One request of the transport, before credentials are added. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** The transport's own headers (Accept, session, protocol version...); they win over configured ones. */
  headers: HeaderRecord;
  body?: string | undefined;
  signal: AbortSignal;
  /** The JSON-RPC method involved, for error messages. */
  rpcMethod?: string | undefined;
}

const networkFailures = new WeakSet<Error>();

/** True for the error of a request that got no HTTP answer at all (refused, reset, DNS...). */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof Error && networkFailures.has(error);
}

/**
 * Sends the transport's HTTP requests: adds configured and provider headers, follows
 * redirects without leaking credentials, and lets the auth provider fix one 401 or 403.
 */
export class HttpClient {
  constructor(
    private readonly options: ResolvedHttpOptions,
    readonly scope: ErrorScope,
  ) {}

  /** Sends `request`; resolves with any final response but 401/403, which reject with `AuthError` unless the provider fixes them. */
  async send(request: HttpRequest): Promise<{ response: Response; url: URL }> {
    let retriedAuth = false;
    for (;;) {
      const auth = await this.#authHeaders(request);
      const hop: HopRequest = { method: request.method, headers: mergeHeaders(this.options.headers, auth, request.headers), body: request.body };
      const { response, url } = await followRedirects((target, next) => this.#sendOnce(target, next, request), this.options.url, hop, {
        secrets: secretNames(this.options.secretHeaders, auth),
        maxRedirects: this.options.maxRedirects,
        scope: this.scope,
        method: request.rpcMethod,
      });
      if (response.status !== 401 && response.status !== 403) return { response, url };
      const status = response.status;
      const wwwAuthenticate = response.headers.get('www-authenticate') ?? undefined;
      await discard(response);
      if (!retriedAuth && (await this.#onUnauthorized(url, status, wwwAuthenticate, request))) {
        retriedAuth = true;
        continue;
      }
      throw new AuthError(status, url.href, wwwAuthenticate, { server: this.scope.server, method: request.rpcMethod });
    }
  }

  async #authHeaders(request: HttpRequest): Promise<Record<string, string>> {
    const provider = this.options.authProvider;
    if (provider === undefined) return {};
    try {
      return mergeHeaders(await provider.headers({ url: new URL(this.options.url) }));
    } catch (error) {
      throw this.#providerFailed('headers', error, request);
    }
  }

  async #onUnauthorized(url: URL, status: 401 | 403, wwwAuthenticate: string | undefined, request: HttpRequest): Promise<boolean> {
    const handler = this.options.authProvider?.onUnauthorized;
    if (handler === undefined) return false;
    try {
      return (await handler.call(this.options.authProvider, { url: new URL(url), status, wwwAuthenticate })) === true;
    } catch (error) {
      throw this.#providerFailed('onUnauthorized', error, request);
    }
  }

  #providerFailed(hook: string, error: unknown, request: HttpRequest): Error {
    if (McpxError.isInstance(error)) return error;
    return transportError(this.scope, `the auth provider's ${hook}() failed: ${messageOf(error)}`, { cause: error, method: request.rpcMethod });
  }

  async #sendOnce(url: URL, hop: HopRequest, request: HttpRequest): Promise<Response> {
    const init: RequestInit = { ...this.options.requestInit, method: hop.method, headers: hop.headers, signal: request.signal, redirect: 'manual' };
    if (hop.body !== undefined) init.body = hop.body;
    try {
      const { fetch, dispatcher } = this.options;
      if (fetch !== undefined) return await fetch(url.href, dispatcher === undefined ? init : ({ ...init, dispatcher } as unknown as RequestInit));
      const undiciInit = (dispatcher === undefined ? init : { ...init, dispatcher }) as UndiciRequestInit;
      return (await undiciFetch(url.href, undiciInit)) as unknown as Response;
    } catch (error) {
      if (request.signal.aborted) throw error;
      const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
      const failure = transportError(this.scope, `could not reach ${url.href}: ${messageOf(cause)}; check the server is running and the URL is right`, {
        cause: error,
        isRetryable: true,
        method: request.rpcMethod,
      });
      networkFailures.add(failure);
      throw failure;
    }
  }
}
