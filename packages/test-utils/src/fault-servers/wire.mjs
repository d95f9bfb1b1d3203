// Shared by the fault servers: newline-delimited JSON-RPC over stdin and stdout.
import { createInterface } from 'node:readline';

/** Writes one message as a line on stdout. */
export function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Writes a notification. */
export function notify(method, params) {
  send({ jsonrpc: '2.0', method, params });
}

/** Calls `handler` with each message read from stdin, and `onEnd` when stdin ends. */
export function onMessages(handler, onEnd = () => process.exit(0)) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.trim() !== '') handler(JSON.parse(line));
  });
  lines.on('close', onEnd);
}

/** Answers every request with its method and params; notifications are ignored. */
export function echo(message) {
  if (message.id !== undefined && message.method !== undefined) {
    send({ jsonrpc: '2.0', id: message.id, result: { method: message.method, params: message.params ?? {} } });
  }
}
