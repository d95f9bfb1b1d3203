import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AuthInfo, JSONRPCMessage, MessageExtraInfo, Transport } from '@modelcontextprotocol/server';
import { WebSocketServer, type WebSocket } from 'ws';
import { frameText } from '../ws/frame-text.js';
import { buildProtectedServer } from './protected-tools.js';
import type { TokenVerdict } from './token-check.js';

/** What the WebSocket endpoint needs from the server it is mounted on. */
export interface WebSocketEndpointOptions {
  /** The path it answers upgrades on, such as `/ws`. */
  path: string;
  /** The origin of the WebSocket URL (`ws://127.0.0.1:<port>`), for the DPoP `htu`. */
  origin: string;
  /** Checks the upgrade request's token. */
  check(request: { method: string; url: URL; authorization: string | undefined; dpop: string | undefined }): Promise<TokenVerdict>;
  /** Told about each upgrade and how the check answered. */
  record(verdict: TokenVerdict): void;
  /** The auth info the MCP server's tools see. */
  authInfo(verdict: Extract<TokenVerdict, { ok: true }>): AuthInfo;
}

/**
 * Serves MCP over WebSocket (subprotocol `mcp`) on `server` at `options.path`: the upgrade
 * request must carry a valid token (a refused one gets the HTTP 401 or 403 with its
 * `WWW-Authenticate`), and each connection gets its own MCP server.
 */
export function serveWebSocket(server: Server, options: WebSocketEndpointOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('mcp') ? 'mcp' : false) });
  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', options.origin);
    if (url.pathname !== options.path) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const header = (name: string): string | undefined => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    // Both outcomes are handled: a check that fails destroys the socket.
    void options.check({ method: 'GET', url, authorization: header('authorization'), dpop: header('dpop') }).then(
      (verdict) => {
        options.record(verdict);
        if (!verdict.ok) {
          const headers = Object.entries(verdict.headers)
            .map(([name, value]) => `${name}: ${value}\r\n`)
            .join('');
          socket.end(
            `HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\n${headers}connection: close\r\ncontent-length: 0\r\n\r\n`,
          );
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          // connect() starts a transport that is already open, which cannot fail.
          void buildProtectedServer().connect(new WebSocketServerTransport(ws, options.authInfo(verdict)));
        });
      },
      () => socket.destroy(),
    );
  };
  server.on('upgrade', upgrade);
  return {
    close: async () => {
      server.off('upgrade', upgrade);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** The SDK's server `Transport` over one WebSocket: a text frame a message. */
class WebSocketServerTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;

  constructor(
    private readonly socket: WebSocket,
    private readonly authInfo: AuthInfo,
  ) {}

  start(): Promise<void> {
    this.socket.on('message', (data) => {
      let message: JSONRPCMessage;
      try {
        message = JSON.parse(frameText(data)) as JSONRPCMessage;
      } catch (error) {
        this.onerror?.(error as Error);
        return;
      }
      this.onmessage?.(message, { authInfo: this.authInfo });
    });
    this.socket.on('close', () => this.onclose?.());
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => this.socket.send(JSON.stringify(message), (error) => (error ? reject(error) : resolve())));
  }

  close(): Promise<void> {
    this.socket.close();
    return Promise.resolve();
  }
}
