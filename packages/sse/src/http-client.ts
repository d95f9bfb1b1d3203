import { AUTH_RETRY_LIMIT, AuthError, McpxError, TransportError, type AuthProvider } from '@mcpx/core';
import type { SseFetch, SseFetchResponse } from './fetch.js';
import { discardBody } from './response-body.js';

/** One request of the transport. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  /** Headers of the protocol (`accept`, `content-type`, `last-event-id`); they win over the user's. */
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** What every request shares: the fetch, the user's headers and the auth provider. */
export interface HttpClientSettings {
  fetch: SseFetch;
  headers: Readonly<Record<string, string>>;
  authProvider: AuthProvider | undefined;
  server: string | undefined;
}

/**
 * Sends requests with the user's headers and the auth provider's, and handles 401 and 403:
 * the provider's `onUnauthorized()` may allow another try (up to `AUTH_RETRY_LIMIT`), else the request fails with an
 * `AuthError`. A network failure becomes a retryable `TransportError`; an abort rejects
 * with the signal's reason.
 */
export class HttpClient {
  readonly #settings: HttpClientSettings;

  constructor(settings: HttpClientSettings) {
    this.#settings = settings;
  }

  /** Sends `request`; resolves with any response except a refused 401 or 403. */
  async request(request: HttpRequest): Promise<SseFetchResponse> {
    for (let attempt = 0; ; attempt++) {
      const { response, sent } = await this.#send(request);
      if (response.status !== 401 && response.status !== 403) return response;
      const status = response.status;
      const wwwAuthenticate = response.headers.get('www-authenticate') ?? undefined;
      await discardBody(response);
      if (attempt < AUTH_RETRY_LIMIT && (await this.#retryAfterRefusal(request, status, response.headers, { attempt, sent }))) continue;
      throw new AuthError(status, request.url.href, wwwAuthenticate, { server: this.#settings.server });
    }
  }

  /** Sends `request` once; `sent` is what the auth provider added. */
  async #send(request: HttpRequest): Promise<{ response: SseFetchResponse; sent: Record<string, string> }> {
    const { headers, sent } = await this.#headers(request);
    const init = { method: request.method, headers, signal: request.signal, ...(request.body === undefined ? {} : { body: request.body }) };
    try {
      return { response: await this.#settings.fetch(request.url.href, init), sent };
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      throw new TransportError(`could not reach ${request.url.href}: ${networkReason(error)}; check that the server is running and the URL is right`, {
        cause: error,
        isRetryable: true,
        target: request.url.href,
        server: this.#settings.server,
      });
    }
  }

  /** The user's headers, then the auth provider's, then the protocol's, with names in lower case so none is sent twice. */
  async #headers(request: HttpRequest): Promise<{ headers: Record<string, string>; sent: Record<string, string> }> {
    const provider = this.#settings.authProvider;
    const auth = provider === undefined ? {} : await this.#callProvider(request, () => provider.headers({ url: request.url, method: request.method }));
    const headers: Record<string, string> = {};
    for (const source of [this.#settings.headers, auth, request.headers]) {
      for (const [name, value] of Object.entries(source)) headers[name.toLowerCase()] = value;
    }
    return { headers, sent: auth };
  }

  async #retryAfterRefusal(request: HttpRequest, status: 401 | 403, refusal: { get(name: string): string | null }, tried: { attempt: number; sent: Record<string, string> }): Promise<boolean> {
    const provider = this.#settings.authProvider;
    if (provider?.onUnauthorized === undefined) return false;
    const onUnauthorized = provider.onUnauthorized.bind(provider);
    const header = (name: string): string | undefined => refusal.get(name) ?? undefined;
    const context = { url: request.url, method: request.method, status, wwwAuthenticate: header('www-authenticate'), ...tried, header, signal: request.signal };
    return (await this.#callProvider(request, () => onUnauthorized(context))) === true;
  }

  /** Runs an auth provider hook; its own mcpx errors pass through, anything else is wrapped. */
  async #callProvider<T>(request: HttpRequest, hook: () => T | Promise<T>): Promise<T> {
    try {
      return await hook();
    } catch (error) {
      if (McpxError.isInstance(error)) throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new TransportError(`the auth provider failed for ${request.url.href}: ${why}`, { cause: error, target: request.url.href, server: this.#settings.server });
    }
  }
}

/** The useful part of a fetch failure: undici says "fetch failed" and puts the reason in `cause`. */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code) ? `${cause.message} (${code})` : cause.message;
  }
  return error.message;
}
