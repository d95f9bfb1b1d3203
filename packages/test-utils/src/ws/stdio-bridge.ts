import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { WebSocketServer, type WebSocket } from 'ws';
import { everythingCommand, type ServerCommand } from '../servers.js';
import { frameText } from './frame-text.js';

/** A WebSocket server on 127.0.0.1 that runs a stdio MCP server for each connection. */
export interface WebSocketBridge {
  readonly port: number;
  /** `ws://127.0.0.1:<port>/mcp` */
  readonly url: string;
  /** The server processes still running, one per open connection. */
  readonly children: ReadonlySet<ChildProcess>;
  /** Drops every connection, ends every server process and stops listening. */
  close(): Promise<void>;
}

/**
 * Puts a stdio MCP server behind a WebSocket, as a gateway would: each connection that asks
 * for the `mcp` subprotocol gets its own server process, each text frame becomes one line
 * on its stdin and each line of its stdout one text frame. The peer is still the real
 * server. When the socket closes the process is killed; when the process exits the socket
 * closes with 1011. `command` is server-everything unless given.
 */
export async function startWebSocketBridge(command: ServerCommand = everythingCommand('stdio')): Promise<WebSocketBridge> {
  const children = new Set<ChildProcess>();
  const http = createServer((_, response) => void response.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only'));
  const wss = new WebSocketServer({ server: http, handleProtocols: (protocols) => (protocols.has('mcp') ? 'mcp' : false) });
  wss.on('connection', (socket) => bridge(socket, command, children));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    port,
    url: `ws://127.0.0.1:${port}/mcp`,
    children,
    close: async () => {
      for (const socket of wss.clients) socket.terminate();
      await Promise.all([...children].map(stopChild));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}

function bridge(socket: WebSocket, command: ServerCommand, children: Set<ChildProcess>): void {
  const child = spawn(command.command, command.args, { env: { ...process.env, ...command.env }, stdio: ['pipe', 'pipe', 'ignore'] });
  children.add(child);
  child.once('exit', () => {
    children.delete(child);
    if (socket.readyState === socket.OPEN) socket.close(1011, 'the server process exited');
  });
  child.on('error', () => socket.terminate());
  child.stdin?.on('error', () => undefined);
  if (child.stdout !== null) {
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      if (socket.readyState === socket.OPEN && line.trim() !== '') socket.send(line);
    });
  }
  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    // JSON has no raw line breaks outside strings (inside them they are escaped): one frame, one line.
    child.stdin?.write(`${frameText(data).replace(/\r?\n/g, ' ')}\n`);
  });
  // stopChild() does not reject, and nothing waits for the bridged process here.
  socket.on('close', () => void stopChild(child));
}

/** Kills a server process and resolves once it has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin?.end();
    child.kill('SIGKILL');
  });
}
