// No MCP server: a program that writes lines that are not JSON on stdout, as a server that
// logs to stdout, a wrong command or a pretty-printing server does. Flags:
//   --then=wait   keeps running and answers nothing (the default)
//   --then=exit   exits with code 2 after its lines, as a program printing its usage does
// Each line of stdin is answered with one more line that is not JSON.
import { createInterface } from 'node:readline';

const then = process.argv.find((arg) => arg.startsWith('--then='))?.split('=')[1] ?? 'wait';
process.stdout.write('Server v1.2.3 starting, listening on stdio\n');
if (then === 'exit') {
  process.stdout.write('usage: chatter [--port N]\n');
  process.stderr.write('error: missing --port\n');
  process.exit(2);
}
createInterface({ input: process.stdin }).on('line', (line) => process.stdout.write(`got ${line.length} characters\n`));
