import { ConnectionClosedError, TransportError } from '@mcpx/core';

/** Where the handshake went, for error messages. */
export interface HandshakeScope {
  target: string;
  server: string | undefined;
}

/** The subprotocol of MCP over WebSocket, as the official SDK's WebSocket transport negotiated it. */
export const SUBPROTOCOL = 'mcp';

/** The server upgraded the connection without agreeing to speak MCP. */
export function subprotocolError(answered: string | undefined, scope: HandshakeScope): TransportError {
  const got = answered === undefined ? 'no subprotocol' : `the subprotocol "${answered}"`;
  return new TransportError(
    `${scope.target} did not accept the WebSocket subprotocol "${SUBPROTOCOL}" (it answered with ${got}); check that the URL is the WebSocket endpoint of an MCP server`,
    { ...scope, isRetryable: false },
  );
}

/** The server answered the upgrade request with something other than 101 (and other than a refused 401/403). */
export function statusError(status: number, body: string, location: string | undefined, scope: HandshakeScope): TransportError {
  let message = `${scope.target} answered the WebSocket upgrade with HTTP ${status} instead of 101 Switching Protocols`;
  if (location !== undefined) message += ` (a redirect to ${location}; give the transport that URL)`;
  if (body !== '') message += `: ${body}`;
  if (status === 404) message += '; check the path of the URL';
  else if (status >= 500) message += '; the server or a gateway failed, try again later';
  else message += '; check that the URL is the WebSocket endpoint of an MCP server';
  return new TransportError(message, { ...scope, status, isRetryable: status >= 500 || status === 408 || status === 429 });
}

/** The handshake took longer than `handshakeTimeoutMs`. */
export function handshakeTimeoutError(timeoutMs: number, scope: HandshakeScope): TransportError {
  return new TransportError(
    `the WebSocket handshake with ${scope.target} did not finish within ${timeoutMs} ms; check that the server is up and reachable, or raise handshakeTimeoutMs`,
    { ...scope, isRetryable: true },
  );
}

/** `close()` was called before the connection opened. */
export function closedBeforeOpenError(scope: HandshakeScope): ConnectionClosedError {
  return new ConnectionClosedError(`the transport to ${scope.target} was closed before the connection opened`, { server: scope.server });
}

/** `ws` refused to start the handshake, for example over a header value with a line break. */
export function startError(error: unknown, scope: HandshakeScope): TransportError {
  const why = error instanceof Error ? error.message : String(error);
  return new TransportError(`could not start the WebSocket handshake with ${scope.target}: ${why}; check the headers and the tls options`, {
    ...scope,
    cause: error,
  });
}

/**
 * A failure to connect or upgrade that the server did not explain: a network error (retryable),
 * a TLS error or a malformed handshake answer (not retryable).
 */
export function connectError(error: unknown, scope: HandshakeScope): TransportError {
  if (!(error instanceof Error)) {
    return new TransportError(`could not open a WebSocket to ${scope.target}: ${String(error)}`, { ...scope, cause: error });
  }
  const code = (error as { code?: unknown }).code;
  const why = typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  const system = typeof code === 'string' && /^E(?!RR_)[A-Z_]+$/.test(code);
  const tls = typeof code === 'string' && (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT'));
  let advice = 'the server did not complete a valid WebSocket handshake';
  if (system) advice = 'check that the server is running and the URL is right';
  else if (tls) advice = 'check the tls options (ca, servername) and the server certificate';
  return new TransportError(`could not open a WebSocket to ${scope.target}: ${why}; ${advice}`, {
    ...scope,
    cause: error,
    isRetryable: system,
  });
}
