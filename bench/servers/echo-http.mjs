// A minimal MCP server over Streamable HTTP: node:http, keep-alive, JSON answers (never SSE),
// no dependencies. It does as little as it can, so the client under test dominates the cost.
// Listens on 127.0.0.1, port 0, and prints the port as the first line of stdout; exits when
// its stdin ends, so it never outlives the runner. `--tools=N` lists N tools (`echo`, then
// `tool-1`... which also echo); the default is 1.
//
// Every path under /mcp (`/mcp`, `/mcp/42`...) is the same endpoint, so one process can stand
// for many servers (bench/fleet-scale.mjs). It speaks both eras (see modern.mjs):
// - 2026-07-28, stateless: `server/discover`, and `tools/list`, `tools/call` echo and `ping`
//   whose `_meta` names the revision, answered without a session.
// - legacy: POST /mcp `initialize` (assigns an Mcp-Session-Id; echoes a known protocolVersion),
//   notifications and responses (202), then `tools/list`, `tools/call` echo and `ping` in that
//   session. An unknown method outside a session gets HTTP 400 with a JSON-RPC -32601 error (with
//   `--era=legacy`, a modern client's `server/discover` probe too, as a legacy server answers
//   it, so the client falls back to `initialize`); inside a session, HTTP 200 with the same error.
// GET /mcp: 405 (no server-initiated stream). DELETE /mcp: 200, ends the session.
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { discoverResult, echoResult, isModern, legacyOnly, withResultType } from './modern.mjs';

const VERSIONS = new Set(['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25']);
const LATEST = '2025-11-25';
const toolCount = Number(process.argv.find((arg) => arg.startsWith('--tools='))?.slice('--tools='.length) ?? 1);
const TOOLS = JSON.stringify({
  tools: Array.from({ length: toolCount }, (_, i) => ({
    name: i === 0 ? 'echo' : `tool-${i}`,
    description: 'Returns its text.',
    inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
  })),
});
const PATH = '/mcp';
const sessions = new Set();

const result = (id, json) => `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${json}}`;
const error = (id, code, message) => `{"jsonrpc":"2.0","id":${JSON.stringify(id ?? null)},"error":{"code":${code},"message":"${message}"}}`;

function send(res, status, body, extraHeaders = []) {
  if (body === undefined) {
    res.writeHead(status, ['content-length', '0', ...extraHeaders]);
    res.end();
    return;
  }
  res.writeHead(status, ['content-type', 'application/json', 'content-length', String(Buffer.byteLength(body)), ...extraHeaders]);
  res.end(body);
}

function answerPost(req, res, text) {
  let msg;
  try {
    msg = JSON.parse(text);
  } catch {
    return send(res, 400, error(null, -32700, 'Parse error'));
  }
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) return send(res, 400, error(null, -32600, 'Invalid Request'));
  if (msg.id === undefined || typeof msg.method !== 'string') return send(res, 202); // notification or response

  if (msg.method === 'initialize') {
    const asked = msg.params?.protocolVersion;
    const protocolVersion = VERSIONS.has(asked) ? asked : LATEST;
    const id = randomUUID();
    sessions.add(id);
    const body = JSON.stringify({
      protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: 'bench-echo-http', version: '1.0.0' },
    });
    return send(res, 200, result(msg.id, body), ['mcp-session-id', id]);
  }

  if (msg.method === 'server/discover' && !legacyOnly) return send(res, 200, result(msg.id, discoverResult('bench-echo-http')));
  if (isModern(msg)) return answerModern(res, msg);

  const session = req.headers['mcp-session-id'];
  const known = session !== undefined && sessions.has(session);
  switch (msg.method) {
    case 'tools/call':
    case 'tools/list':
    case 'ping':
      if (session === undefined) return send(res, 400, error(msg.id, -32000, 'Bad Request: Mcp-Session-Id header is required'));
      if (!known) return send(res, 404, error(msg.id, -32001, 'Session not found'));
      if (msg.method === 'ping') return send(res, 200, result(msg.id, '{}'));
      if (msg.method === 'tools/list') return send(res, 200, result(msg.id, TOOLS));
      return send(res, 200, result(msg.id, echoResult(msg, false)));
    default:
      return send(res, known ? 200 : 400, error(msg.id, -32601, 'Method not found'));
  }
}

/** A 2026-07-28 request: stateless, no session asked for. */
function answerModern(res, msg) {
  switch (msg.method) {
    case 'ping':
      return send(res, 200, result(msg.id, withResultType('{}', true)));
    case 'tools/list':
      return send(res, 200, result(msg.id, withResultType(TOOLS, true)));
    case 'tools/call':
      return send(res, 200, result(msg.id, echoResult(msg, true)));
    default:
      return send(res, 200, error(msg.id, -32601, 'Method not found'));
  }
}

const server = createServer((req, res) => {
  if (req.url !== PATH && !req.url.startsWith(`${PATH}/`)) return send(res, 404, undefined);
  if (req.method === 'POST') {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => answerPost(req, res, chunks.length === 1 ? chunks[0].toString() : Buffer.concat(chunks).toString()));
    return undefined;
  }
  if (req.method === 'DELETE') {
    sessions.delete(req.headers['mcp-session-id']);
    return send(res, 200, undefined);
  }
  return send(res, 405, undefined, ['allow', 'POST, DELETE']);
});
// Keep idle connections open well past a measured phase; the client decides when to close.
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
