// A well-behaved server: answers each request with its method and params, and exits when
// stdin ends. A few methods act: "env" and "cwd" answer with the process's environment or
// directory; "stderr" writes params.lines to stderr; "exit" sends a "bye" notification then
// exits with params.code.
import { echo, notify, onMessages, send } from './wire.mjs';

onMessages((message) => {
  const reply = (result) => send({ jsonrpc: '2.0', id: message.id, result });
  switch (message.method) {
    case 'env':
      return reply({ env: process.env });
    case 'cwd':
      return reply({ cwd: process.cwd() });
    case 'stderr':
      for (const line of message.params.lines) process.stderr.write(`${line}\n`);
      return reply({});
    case 'exit':
      notify('bye', {});
      return process.exit(message.params?.code ?? 0);
    default:
      return echo(message);
  }
});
