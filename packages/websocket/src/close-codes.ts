import { ConnectionClosedError, TransportError } from '@mcpx/core';

/** Where the connection was, for error messages. */
export interface CloseScope {
  target: string;
  server: string | undefined;
}

/** How a close code is reported: its name, and whether a new connection may do better. */
interface CloseKind {
  name: string;
  /**
   * `closed`: the connection simply ended (a `ConnectionClosedError`, always retryable).
   * `retryable` / `fatal`: the server reported a failure (a `TransportError`).
   */
  outcome: 'closed' | 'retryable' | 'fatal';
  advice: string;
}

const RECONNECT = 'connect again to continue';

const KINDS: Readonly<Record<number, CloseKind>> = {
  1000: { name: 'normal closure', outcome: 'closed', advice: RECONNECT },
  1001: { name: 'going away', outcome: 'closed', advice: RECONNECT },
  1002: { name: 'protocol error', outcome: 'fatal', advice: 'the server and this client disagree on the WebSocket protocol' },
  1003: { name: 'unsupported data', outcome: 'fatal', advice: 'the server does not accept what was sent' },
  1005: { name: 'no status received', outcome: 'closed', advice: RECONNECT },
  1006: { name: 'abnormal closure: the connection dropped without a close frame', outcome: 'closed', advice: RECONNECT },
  1007: { name: 'invalid payload data', outcome: 'fatal', advice: 'the server could not read a message as UTF-8 text' },
  1008: {
    name: 'policy violation',
    outcome: 'fatal',
    advice: 'the server refused this client; check its credentials and the server policy',
  },
  1009: { name: 'message too big', outcome: 'fatal', advice: 'a message sent to the server exceeded its size limit' },
  1010: {
    name: 'mandatory extension missing',
    outcome: 'fatal',
    advice: 'the server requires a WebSocket extension this client did not offer',
  },
  1011: { name: 'internal server error', outcome: 'retryable', advice: 'the server failed; a new connection may succeed' },
  1012: { name: 'service restart', outcome: 'closed', advice: RECONNECT },
  1013: { name: 'try again later', outcome: 'retryable', advice: 'the server is overloaded; connect again after a delay' },
  1014: { name: 'bad gateway', outcome: 'retryable', advice: 'a gateway in front of the server failed; a new connection may succeed' },
  1015: { name: 'TLS handshake failure', outcome: 'fatal', advice: 'check the TLS settings and the server certificate' },
};

/** A code from 3000 to 4999: registered for libraries (3xxx) or private to the application (4xxx). */
const APPLICATION: CloseKind = {
  name: 'application-defined',
  outcome: 'fatal',
  advice: 'the meaning of this code is up to the server; see its documentation',
};

const UNKNOWN: CloseKind = { name: 'unknown code', outcome: 'closed', advice: RECONNECT };

/**
 * The error for a connection the server closed (or that dropped) with `code` and `reason`.
 * A plain end (1000, 1001, 1006...) is a `ConnectionClosedError`; a failure the server reports
 * is a `TransportError`, retryable when a new connection may succeed (1011, 1013, 1014). Codes
 * of 3000 and above are the application's own and are not retried.
 */
export function closeCodeError(code: number, reason: string, scope: CloseScope): ConnectionClosedError | TransportError {
  const kind = KINDS[code] ?? (code >= 3000 && code <= 4999 ? APPLICATION : UNKNOWN);
  const said = reason === '' ? '' : `, reason "${reason}"`;
  const message = `the WebSocket to ${scope.target} was closed with code ${code} (${kind.name})${said}; ${kind.advice}`;
  if (kind.outcome === 'closed') return new ConnectionClosedError(message, { server: scope.server });
  return new TransportError(message, { target: scope.target, server: scope.server, isRetryable: kind.outcome === 'retryable' });
}
