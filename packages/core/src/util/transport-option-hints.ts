const CLIENT_TIMEOUT =
  'requests are timed by the client: new McpClient({ requestTimeoutMs }), or connect(transport, { timeoutMs }) for connecting';
const AUTH = 'give credentials as authProvider: bearerAuth(token) or apiKeyAuth(key) from @mcpx/core';

/**
 * Hints for `checkOptions` that every transport's options can use: a timeout of requests given
 * to a transport belongs to the client.
 */
export const TRANSPORT_OPTION_HINTS: Readonly<Record<string, string>> = {
  requestTimeout: CLIENT_TIMEOUT,
  requestTimeoutMs: CLIENT_TIMEOUT,
  timeout: CLIENT_TIMEOUT,
  timeoutMs: CLIENT_TIMEOUT,
};

/**
 * Hints for `checkOptions` for a transport that takes an `AuthProvider`: those of
 * `TRANSPORT_OPTION_HINTS`, and credentials given as a token or key go to `authProvider`.
 */
export const NETWORK_TRANSPORT_OPTION_HINTS: Readonly<Record<string, string>> = {
  ...TRANSPORT_OPTION_HINTS,
  token: AUTH,
  bearerToken: AUTH,
  apiKey: AUTH,
  auth: AUTH,
};
