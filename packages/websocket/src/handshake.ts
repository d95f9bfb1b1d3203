import type { IncomingMessage } from 'node:http';
import { AUTH_RETRY_LIMIT, AuthError, McpxError, TransportError, type AuthProvider } from '@mcpx/core';
import WebSocket, { type ClientOptions } from 'ws';
import {
  closedBeforeOpenError,
  connectError,
  startError,
  handshakeTimeoutError,
  statusError,
  subprotocolError,
  SUBPROTOCOL,
  type HandshakeScope,
} from './handshake-errors.js';
import type { ResolvedTls } from './options.js';

/** What opening a connection needs. */
export interface HandshakeSettings extends HandshakeScope {
  url: URL;
  headers: Readonly<Record<string, string>>;
  authProvider: AuthProvider | undefined;
  tls: ResolvedTls;
  maxPayload: number;
  timeoutMs: number;
  /** How long `ws` waits for the server to close the socket after the close frames. */
  closeTimeoutMs: number;
  /** Aborting it (from `close()`) gives up the handshake. */
  signal: AbortSignal;
}

type Attempt =
  | { kind: 'open'; socket: WebSocket }
  | {
      kind: 'refused';
      status: 401 | 403;
      wwwAuthenticate: string | undefined;
      headers: Readonly<Record<string, string | string[] | undefined>>;
    };

/** How much of a refusal's body goes into the error message. */
const BODY_CHARS = 300;

/**
 * Opens a WebSocket speaking the `mcp` subprotocol. `onOpen` runs synchronously when the
 * socket opens, before any frame can arrive, so the caller's listeners miss nothing. A 401 or
 * 403 answer lets the auth provider fix its credentials (up to `AUTH_RETRY_LIMIT` retries); every other failure
 * rejects with a typed error (`AuthError`, `TransportError`, or `ConnectionClosedError` when
 * `signal` aborts).
 */
export async function openWebSocket(settings: HandshakeSettings, onOpen: (socket: WebSocket) => void): Promise<WebSocket> {
  for (let retries = 0; ; retries++) {
    const { headers, sent } = await abortable(settings, upgradeHeaders(settings));
    const attempt = await attemptUpgrade(settings, headers, onOpen);
    if (attempt.kind === 'open') return attempt.socket;
    if (retries < AUTH_RETRY_LIMIT && (await abortable(settings, retryAfterRefusal(settings, attempt, { attempt: retries, sent }))))
      continue;
    throw new AuthError(attempt.status, settings.target, attempt.wwwAuthenticate, { server: settings.server });
  }
}

/** Settles like `promise`, or rejects as soon as `close()` aborts the handshake: an auth provider may take its time. */
function abortable<T>(settings: HandshakeSettings, promise: Promise<T>): Promise<T> {
  const { signal } = settings;
  if (signal.aborted) return Promise.reject(closedBeforeOpenError(settings));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(closedBeforeOpenError(settings));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The user's headers, then the auth provider's, names in lower case so none is sent twice. */
async function upgradeHeaders(settings: HandshakeSettings): Promise<{ headers: Record<string, string>; sent: Record<string, string> }> {
  const provider = settings.authProvider;
  const auth = provider === undefined ? {} : await callProvider(settings, () => provider.headers({ url: settings.url, method: 'GET' }));
  const headers: Record<string, string> = {};
  for (const source of [settings.headers, auth]) {
    for (const [name, value] of Object.entries(source)) headers[name.toLowerCase()] = value;
  }
  return { headers, sent: auth };
}

async function retryAfterRefusal(
  settings: HandshakeSettings,
  refusal: Extract<Attempt, { kind: 'refused' }>,
  tried: { attempt: number; sent: Record<string, string> },
): Promise<boolean> {
  const provider = settings.authProvider;
  if (provider?.onUnauthorized === undefined) return false;
  const onUnauthorized = provider.onUnauthorized.bind(provider);
  const header = (name: string): string | undefined => {
    const value = refusal.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const { status, wwwAuthenticate } = refusal;
  return (
    (await callProvider(settings, () =>
      onUnauthorized({ url: settings.url, method: 'GET', status, wwwAuthenticate, ...tried, header, signal: settings.signal }),
    )) === true
  );
}

/** Runs an auth provider hook; its own mcpx errors pass through, anything else is wrapped. */
async function callProvider<T>(settings: HandshakeSettings, hook: () => T | Promise<T>): Promise<T> {
  try {
    return await hook();
  } catch (error) {
    if (McpxError.isInstance(error)) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new TransportError(`the auth provider failed for ${settings.target}: ${why}`, {
      cause: error,
      target: settings.target,
      server: settings.server,
    });
  }
}

/** One upgrade request. `ws` reports every failure as an `error` then a `close`; we settle on the `close`. */
function attemptUpgrade(
  settings: HandshakeSettings,
  headers: Record<string, string>,
  onOpen: (socket: WebSocket) => void,
): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    if (settings.signal.aborted) {
      reject(closedBeforeOpenError(settings));
      return;
    }
    // `closeTimeout` is missing from @types/ws, not from ws.
    const options: ClientOptions & { closeTimeout: number } = {
      ...settings.tls,
      headers,
      maxPayload: settings.maxPayload,
      followRedirects: false,
      closeTimeout: settings.closeTimeoutMs,
    };
    let socket: WebSocket;
    try {
      socket = new WebSocket(settings.url, SUBPROTOCOL, options);
    } catch (error) {
      reject(startError(error, settings));
      return;
    }
    /** Why the handshake failed, when we know better than the error `ws` emits. */
    let failure: Error | undefined;
    let refused: Attempt | undefined;
    let lastError: unknown;

    const timer = setTimeout(() => {
      failure ??= handshakeTimeoutError(settings.timeoutMs, settings);
      socket.terminate();
    }, settings.timeoutMs);
    const onAbort = (): void => {
      failure ??= closedBeforeOpenError(settings);
      socket.terminate();
    };
    const onUpgrade = (response: IncomingMessage): void => {
      const answered = response.headers['sec-websocket-protocol'];
      // `ws` aborts the handshake right after this event; we only name the reason.
      if (answered !== SUBPROTOCOL) failure ??= subprotocolError(answered, settings);
    };
    const onUnexpectedResponse = (_request: unknown, response: IncomingMessage): void => {
      const status = response.statusCode ?? 0;
      if (status === 401 || status === 403) {
        refused = { kind: 'refused', status, wwwAuthenticate: response.headers['www-authenticate'], headers: response.headers };
        socket.terminate();
        return;
      }
      readSome(response, BODY_CHARS, (body) => {
        failure ??= statusError(status, body, response.headers.location, settings);
        socket.terminate();
      });
    };
    const onError = (error: Error): void => {
      lastError = error;
    };
    const cleanUp = (): void => {
      clearTimeout(timer);
      settings.signal.removeEventListener('abort', onAbort);
      socket
        .off('upgrade', onUpgrade)
        .off('unexpected-response', onUnexpectedResponse)
        .off('error', onError)
        .off('open', onOpened)
        .off('close', onClosed);
    };
    function onOpened(): void {
      cleanUp();
      onOpen(socket);
      resolve({ kind: 'open', socket });
    }
    function onClosed(): void {
      cleanUp();
      if (refused !== undefined) resolve(refused);
      else reject(failure ?? connectError(lastError ?? new Error('the connection closed during the handshake'), settings));
    }

    settings.signal.addEventListener('abort', onAbort, { once: true });
    socket
      .on('upgrade', onUpgrade)
      .on('unexpected-response', onUnexpectedResponse)
      .on('error', onError)
      .on('open', onOpened)
      .on('close', onClosed);
  });
}

/** Reads up to `limit` characters of a response body, then calls `done` once (also on error or end). */
function readSome(response: IncomingMessage, limit: number, done: (text: string) => void): void {
  let text = '';
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    response.removeAllListeners('data');
    const trimmed = text.trim().replace(/\s+/g, ' ');
    done(trimmed.length > limit ? `${trimmed.slice(0, limit)}…` : trimmed);
  };
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
    if (text.length > limit) finish();
  });
  response.once('end', finish);
  response.once('error', finish);
  response.once('close', finish);
}
