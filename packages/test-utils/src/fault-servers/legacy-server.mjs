// A server of the `initialize` era (2024-11-05 to 2025-11-25) that mishandles methods it does
// not know, as several real ones do. Flags:
//   --on-unknown=exit          exits with code 1 (the default)
//   --on-unknown=garbage       answers with a line that is not JSON, and goes on
//   --on-unknown=json-garbage  answers with JSON that is no JSON-RPC message, and goes on
//   --on-unknown=close-stdout  closes its stdout (and can answer nothing more)
//   --on-unknown=error         answers with JSON-RPC error -32601, as it should
//   --banner                   prints a banner line on stdout when it starts
//   --log=<file>               appends {"event":"start"} and {"event":"request","method":...}
// It answers initialize (echoing the offered revision), ping and tools/list, and ignores
// notifications.
import { appendFileSync } from 'node:fs';
import { onMessages, send } from './wire.mjs';

const flags = new Map(
  process.argv.slice(2).map((arg) => {
    const equals = arg.indexOf('=');
    return equals === -1 ? [arg.slice(2), ''] : [arg.slice(2, equals), arg.slice(equals + 1)];
  }),
);
const onUnknown = flags.get('on-unknown') ?? 'exit';
const log = (entry) => flags.has('log') && appendFileSync(flags.get('log'), `${JSON.stringify(entry)}\n`);

log({ event: 'start' });
if (flags.has('banner')) process.stdout.write('legacy-server 0.9 starting (a banner on stdout)\n');

onMessages((message) => {
  if (message.method === undefined) return;
  log({ event: 'request', method: message.method });
  const reply = (result) => send({ jsonrpc: '2.0', id: message.id, result });
  switch (message.method) {
    case 'initialize':
      return reply({
        protocolVersion: message.params.protocolVersion,
        capabilities: { tools: {} },
        serverInfo: { name: 'legacy-server', version: '0.9.0' },
      });
    case 'ping':
      return reply({});
    case 'tools/list':
      return reply({ tools: [{ name: 'noop', inputSchema: { type: 'object' } }] });
    default:
      return message.id === undefined ? undefined : unknown(message);
  }
});

function unknown(message) {
  switch (onUnknown) {
    case 'garbage':
      return process.stdout.write(`Unknown method: ${message.method}\n`);
    case 'json-garbage':
      return process.stdout.write(`${JSON.stringify({ error: `unknown method ${message.method}` })}\n`);
    case 'close-stdout':
      return process.stdout.end();
    case 'error':
      return send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `Method not found: ${message.method}` } });
    default:
      process.stderr.write(`fatal: unknown method ${message.method}\n`);
      return process.exit(1);
  }
}
