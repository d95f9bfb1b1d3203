#!/usr/bin/env node
// A dual-era MCP test server built on @modelcontextprotocol/server: it speaks 2026-07-28
// (server/discover, per-request _meta, input_required, subscriptions/listen, cache hints)
// and the 2025 initialize era, over stdio or Streamable HTTP.
//
//   node server.mjs stdio
//   node server.mjs http <port>     127.0.0.1 only, endpoint /mcp, port 0 for a free one;
//                                   prints "listening on <port>" to stderr when ready
//   node server.mjs grpc <port>     the gRPC binding (2026-07-28 only), 127.0.0.1, same ready line
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { createServerFactory } from './build-server.mjs';
import { serveHttp } from './http.mjs';
import { createHub } from './hub.mjs';

const onerror = (error) => {
  if (process.env.DUAL_ERA_SERVER_DEBUG) console.error(`[dual-era-server] ${error.stack ?? error}`);
};
const hub = createHub(onerror);
const [mode, portArg] = process.argv.slice(2);

if (mode === 'stdio') {
  serveStdio(createServerFactory(hub, { track: true }), { onerror });
} else if ((mode === 'http' || mode === 'grpc') && portArg !== undefined && /^\d+$/.test(portArg)) {
  // Loaded only when asked for: the gRPC face needs @grpc/grpc-js and the built @mcpx/grpc.
  const serve = mode === 'http' ? serveHttp : (await import('./grpc.mjs')).serveGrpc;
  const server = await serve(hub, Number(portArg), onerror);
  console.error(`listening on ${server.port}`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} else {
  console.error('usage: server.mjs stdio | server.mjs http <port> | server.mjs grpc <port>');
  process.exit(2);
}
