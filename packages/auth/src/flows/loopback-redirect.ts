import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuthError } from '../oauth-error.js';

/** A listener on 127.0.0.1 waiting for the browser to come back from the authorization server. */
export interface LoopbackRedirect {
  /** The redirect URI to register and send: `http://127.0.0.1:<port>/callback`. */
  readonly redirectUri: string;
  /**
   * Resolves with the query of the first request to the callback path that carries `state`.
   * Requests with another state or none (a forged or stale redirect, a page poking at the
   * port) get a 400 page and do not end the wait.
   */
  callback(state: string): Promise<URLSearchParams>;
  /** Stops listening. */
  close(): Promise<void>;
}

const PAGE = (title: string, text: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${text}</p></body></html>`;

/**
 * Listens on 127.0.0.1 (RFC 8252 §7.3) on `port`, or a free port when 0, for the
 * authorization response. The browser gets a short page saying it may be closed. Other
 * paths get a 404 and do not end the wait.
 */
export async function listenForRedirect(port = 0, path = '/callback'): Promise<LoopbackRedirect> {
  let expected: string | undefined;
  let deliver!: (query: URLSearchParams) => void;
  const delivered = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== path) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (expected === undefined || url.searchParams.get('state') !== expected) {
      response.writeHead(400, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
      response.end(
        PAGE(
          'Not this login',
          'This page does not belong to the login mcpx is waiting for. Return to the terminal; you may close this window.',
        ),
      );
      return;
    }
    const failed = url.searchParams.has('error');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
    response.end(
      failed
        ? PAGE('Login failed', 'The authorization server refused the login. Return to the terminal for details; you may close this window.')
        : PAGE('Logged in', 'mcpx has what it needs. You may close this window and return to the terminal.'),
    );
    deliver(url.searchParams);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new OAuthError('authorization', `could not listen for the redirect on 127.0.0.1:${port}: ${error.message}`, {
          cause: error,
          hint: port === 0 ? 'check that loopback networking works' : `free port ${port}, or set another redirect port`,
        }),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://127.0.0.1:${actual}${path}`,
    callback: (state) => {
      expected = state;
      return delivered;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
