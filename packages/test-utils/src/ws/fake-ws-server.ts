import { createHash } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { initializeResult } from '../http/fake-mcp-server.js';
import { frameText } from './frame-text.js';

/** One upgrade request the fake server received. */
export interface RecordedUpgrade {
  /** The path and query. */
  path: string;
  /** The headers, names lower case. */
  headers: IncomingHttpHeaders;
}

/**
 * How the fake server answers an upgrade request instead of accepting it: an HTTP status
 * (with headers and a body), `'hang'` (never answer), or `'deaf'` (answer 101 with the `mcp`
 * subprotocol, then never read a byte: a server that vanished without closing its socket).
 */
export type UpgradeReply = { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'deaf';

/** Options of `startFakeWebSocketServer`. */
export interface FakeWebSocketServerOptions {
  /** The subprotocol accepted: `'mcp'`, another name the client did not ask for, or `false` for none. @default 'mcp' */
  protocol?: string | false;
  /** Answer the client's pings. @default true */
  autoPong?: boolean;
  /** Decides each upgrade request; `undefined` accepts it. @default accept every request */
  upgrade?: (request: RecordedUpgrade) => UpgradeReply | undefined;
}

/** A JSON-RPC message as the fake server received it. */
export interface ReceivedMessage {
  id?: string | number;
  method?: string;
  params?: Record<string, unknown>;
  [key: string]: unknown;
}

/** One accepted WebSocket connection of the fake server. */
export interface FakeWebSocketConnection {
  /** The server side of the socket, for faults: `terminate()`, `close(code, reason)`, `ping()`... */
  readonly socket: WebSocket;
  /** Every JSON text frame received, parsed. */
  readonly received: ReceivedMessage[];
  /** The first received message with `method`, already received or to come (waits at most 10 s). */
  message(method: string): Promise<ReceivedMessage>;
  /** Sends `data` as one text frame, an object as JSON. */
  send(data: string | object): void;
  /** Answers `request` with `result`. */
  reply(request: ReceivedMessage, result: object): void;
  /** Settles with the close code and reason once the socket has closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

/** A fault-injecting WebSocket server on 127.0.0.1 and a free port. */
export interface FakeWebSocketServer {
  readonly port: number;
  /** `ws://127.0.0.1:<port>/mcp` */
  readonly url: string;
  /** Every upgrade request, in order. */
  readonly upgrades: RecordedUpgrade[];
  /** The raw sockets of `'deaf'` connections, to write hand-made frames on. */
  readonly deafSockets: Socket[];
  /** The next accepted connection not yet taken, already open or to come (waits at most 10 s). */
  connection(): Promise<FakeWebSocketConnection>;
  /** Ends every connection, even hung and deaf ones, and stops listening. */
  close(): Promise<void>;
}

const WAIT_MS = 10_000;
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * Starts a WebSocket server that speaks just enough legacy MCP (it answers `initialize` and
 * `ping`, refuses `server/discover` as a legacy server does; other requests wait for the test) and lets a test inject faults: refuse the upgrade or the
 * subprotocol, hang, ignore pings, send binary or oversized frames, drop the socket.
 */
export async function startFakeWebSocketServer(options: FakeWebSocketServerOptions = {}): Promise<FakeWebSocketServer> {
  const protocol = options.protocol ?? 'mcp';
  const upgrades: RecordedUpgrade[] = [];
  const rawSockets = new Set<Socket>();
  const deafSockets: Socket[] = [];
  const waiting: Array<(connection: FakeWebSocketConnection) => void> = [];
  const ready: FakeWebSocketConnection[] = [];
  const wss = new WebSocketServer({ noServer: true, autoPong: options.autoPong ?? true, handleProtocols: () => protocol });
  const http = createServer((_, response) => void response.writeHead(426).end());
  http.on('connection', (socket) => {
    rawSockets.add(socket);
    socket.once('close', () => rawSockets.delete(socket));
  });
  http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const recorded = { path: request.url ?? '/', headers: request.headers };
    upgrades.push(recorded);
    const reply = options.upgrade?.(recorded);
    if (reply === 'hang') return;
    if (reply === 'deaf') {
      socket.write(switchingProtocols(request.headers['sec-websocket-key'] ?? ''));
      deafSockets.push(socket);
      return;
    }
    if (reply !== undefined) {
      socket.end(httpResponse(reply.status, reply.headers ?? {}, reply.body ?? ''));
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = accept(ws);
      const taker = waiting.shift();
      if (taker) taker(connection);
      else ready.push(connection);
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    port,
    url: `ws://127.0.0.1:${port}/mcp`,
    upgrades,
    deafSockets,
    connection: () => {
      const next = ready.shift();
      if (next) return Promise.resolve(next);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(taker), 1);
          reject(new Error(`no WebSocket connection within ${WAIT_MS} ms`));
        }, WAIT_MS);
        const taker = (connection: FakeWebSocketConnection): void => {
          clearTimeout(timer);
          resolve(connection);
        };
        waiting.push(taker);
      });
    },
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      for (const socket of rawSockets) socket.destroy();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}

function accept(ws: WebSocket): FakeWebSocketConnection {
  const received: ReceivedMessage[] = [];
  const listeners = new Set<() => void>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
  });
  const send = (data: string | object): void => ws.send(typeof data === 'string' ? data : JSON.stringify(data));
  const reply = (request: ReceivedMessage, result: object): void => send({ jsonrpc: '2.0', id: request.id, result });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let message: ReceivedMessage;
    try {
      message = JSON.parse(frameText(data)) as ReceivedMessage;
    } catch {
      return;
    }
    received.push(message);
    if (message.method === 'initialize') reply(message, initializeResult(message.params?.protocolVersion));
    else if (message.method === 'ping' && message.id !== undefined) reply(message, {});
    else if (message.method === 'server/discover')
      send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } });
    for (const listener of [...listeners]) listener();
  });
  return {
    socket: ws,
    received,
    send,
    reply,
    closed,
    message: (method) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${method} message within ${WAIT_MS} ms; received ${JSON.stringify(received)}`));
        }, WAIT_MS);
        const check = (): void => {
          const found = received.find((message) => message.method === method);
          if (found === undefined) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(found);
        };
        listeners.add(check);
        check();
      }),
  };
}

/** A 101 answer to an upgrade request, accepting the `mcp` subprotocol, written by hand. */
function switchingProtocols(key: string | string[]): string {
  const accept = createHash('sha1')
    .update(`${String(key)}${WEBSOCKET_GUID}`)
    .digest('base64');
  return [
    'HTTP/1.1 101 Switching Protocols',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${accept}`,
    'Sec-WebSocket-Protocol: mcp',
    '',
    '',
  ].join('\r\n');
}

function httpResponse(status: number, headers: Record<string, string>, body: string): string {
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}`,
    'Connection: close',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
