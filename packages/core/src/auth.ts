/** What an `AuthProvider` is told about a request it authorizes. */
export interface AuthContext {
  /** The URL the request goes to. */
  url: URL;
  /**
   * The request's HTTP method (`GET` for a WebSocket upgrade). A DPoP proof (RFC 9449)
   * signs it with the URL.
   */
  method: string;
}

/** What an `AuthProvider` is told when the server refused a request. */
export interface UnauthorizedContext extends AuthContext {
  /** 401 (not authenticated) or 403 (not allowed, for example an insufficient scope). */
  status: 401 | 403;
  /** The `WWW-Authenticate` header of the refusal, if any. */
  wwwAuthenticate: string | undefined;
  /**
   * How many times this request was already retried after a refusal: 0 on the first.
   * The transport stops at `AUTH_RETRY_LIMIT` whatever the provider answers.
   */
  attempt: number;
  /** Any other header of the refusal by name, case-insensitive (for example `DPoP-Nonce`). */
  header(name: string): string | undefined;
  /**
   * What `headers()` gave for the refused request. A provider that sees a token other than
   * its current one knows the refusal is stale (another request already refreshed) and can
   * simply retry.
   */
  sent: Readonly<Record<string, string>>;
  /**
   * Aborts when the refused request is abandoned (the client closes, the request or the
   * connect deadline passes). Long work, such as waiting for a user to log in in a
   * browser, should stop then.
   */
  signal: AbortSignal;
}

/**
 * How many times a transport retries one request after the provider's `onUnauthorized()`
 * asked for it. Enough for a refresh, then a step-up to more scopes, then a DPoP nonce;
 * a provider that keeps answering `true` cannot loop.
 */
export const AUTH_RETRY_LIMIT = 3;

/**
 * Supplies credentials to the network transports (Streamable HTTP, HTTP+SSE, WebSocket).
 * `@mcpx/auth` implements OAuth on it; a static token or API key needs only `headers`.
 */
export interface AuthProvider {
  /** Headers to add to a request, such as `Authorization`. Called for every request. */
  headers(context: AuthContext): Promise<Record<string, string>> | Record<string, string>;
  /**
   * Called on 401 or 403; resolve `true` to retry the request with fresh `headers`. A
   * request is retried at most `AUTH_RETRY_LIMIT` times.
   */
  onUnauthorized?(context: UnauthorizedContext): Promise<boolean> | boolean;
}

/** An `AuthProvider` that sends `Authorization: Bearer <token>` on every request. */
export function bearerAuth(token: string): AuthProvider {
  return { headers: () => ({ authorization: `Bearer ${token}` }) };
}

/** An `AuthProvider` that sends a fixed API key header on every request. @default header `x-api-key` */
export function apiKeyAuth(key: string, header = 'x-api-key'): AuthProvider {
  return { headers: () => ({ [header.toLowerCase()]: key }) };
}
