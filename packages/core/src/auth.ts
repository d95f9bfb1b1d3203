/** What an `AuthProvider` is told about a request it authorizes. */
export interface AuthContext {
  /** The URL the request goes to. */
  url: URL;
}

/** What an `AuthProvider` is told when the server refused a request. */
export interface UnauthorizedContext extends AuthContext {
  /** 401 (not authenticated) or 403 (not allowed, for example an insufficient scope). */
  status: 401 | 403;
  /** The `WWW-Authenticate` header of the refusal, if any. */
  wwwAuthenticate: string | undefined;
}

/**
 * Supplies credentials to the network transports (Streamable HTTP, HTTP+SSE, WebSocket).
 * `@mcpx/auth` implements OAuth on it; a static token or API key needs only `headers`.
 */
export interface AuthProvider {
  /** Headers to add to a request, such as `Authorization`. Called for every request. */
  headers(context: AuthContext): Promise<Record<string, string>> | Record<string, string>;
  /** Called on 401 or 403; resolve `true` to retry the request once with fresh `headers`. */
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
