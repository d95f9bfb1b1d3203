// Writes everything a sloppy server may put on stdout before its first real message: a log
// line, empty lines, CRLF endings, JSON that is no JSON-RPC message, a legacy batch. Then it
// answers requests like the echo server.
import { echo, onMessages } from './wire.mjs';

process.stdout.write('Server v1.2.3 starting, listening on stdio\n');
process.stdout.write('\n\r\n');
process.stdout.write('{"hello":"not json-rpc"}\n');
process.stdout.write('[{"jsonrpc":"2.0","method":"batched/one"},{"jsonrpc":"2.0","method":"batched/two"}]\n');
process.stdout.write('{"jsonrpc":"2.0","method":"crlf","params":{"ok":true}}\r\n');
onMessages(echo);
