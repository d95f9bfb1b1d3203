// The raw loop over stdio: spawn the server, split lines, a `Map` of pending ids. `detached`
// starts the server as the leader of a process group (and session) of its own, as mcpx does by
// default: the `raw-group` client. `modern` speaks 2026-07-28 (`server/discover`, then the
// `_meta` envelope on every request) instead of `initialize` and 2025-11-25: `raw-modern`.
import { spawn } from 'node:child_process';
import { ENVELOPE, discover } from './modern.mjs';

export async function connect(server, { detached = false, modern = false } = {}) {
  const child = spawn(server.command, server.args, { stdio: ['pipe', 'pipe', 'inherit'], detached });
  const pending = new Map();
  let nextId = 1;
  let buffer = '';

  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const lines = (buffer + chunk).split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      if (line.length === 0) continue;
      const msg = JSON.parse(line);
      const entry = pending.get(msg.id);
      if (entry === undefined) continue;
      pending.delete(msg.id);
      if (msg.error) entry.reject(new Error(msg.error.message));
      else entry.resolve(msg.result);
    }
  });
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.once('error', (error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  });

  function request(method, params) {
    const id = nextId++;
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  }

  const close = async () => {
    child.stdin.end();
    await exited;
  };

  if (modern) {
    await discover(request);
    return {
      listTools: () => request('tools/list', { _meta: ENVELOPE }),
      echo: (text) => request('tools/call', { name: 'echo', arguments: { text }, _meta: ENVELOPE }),
      close,
    };
  }

  await request('initialize', {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 'bench-raw', version: '1.0.0' },
  });
  child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');

  return {
    listTools: () => request('tools/list', {}),
    echo: (text) => request('tools/call', { name: 'echo', arguments: { text } }),
    close,
  };
}
