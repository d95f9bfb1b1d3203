// The gRPC face of the dual-era test server: the binding of MCP (mcp.proto, service
// model_context_protocol.Mcp) served from the same .proto files @mcpx/grpc speaks, with its own
// codec (grpc-codec.mjs) on another protobuf runtime. Each unary call
// becomes one 2026-07-28 request to the official SDK's per-request handler (the same tools,
// resources and prompts as the other faces), and its result becomes the call's response:
// input_required results as dependent_requests, requestState as resume_data, ttlMs as ttl.
//
// Environment, for the tests of @mcpx/grpc:
//   MCPX_GRPC_TLS_DIR           serve TLS with ca.pem, server.pem and server-key.pem from that folder
//   MCPX_GRPC_MTLS=1            and require a client certificate signed by ca.pem (mutual TLS)
//   MCPX_GRPC_TOKEN             refuse calls without `authorization: Bearer <token>` (UNAUTHENTICATED)
//   MCPX_GRPC_UNKNOWN_FIELD=1   add a field numbered 4242 to every ListTools response, as a newer server would
//   MCPX_GRPC_TRACE=1           write "grpc <Rpc> received, deadline in <n|none> ms" and "grpc <Rpc> cancelled" lines to stderr
import { loadPackageDefinition, Metadata, Server, ServerCredentials, status } from '@grpc/grpc-js';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServerFactory, SERVER_INFO } from './build-server.mjs';
import { loadMcpService, paramsOf, responseOf, RPCS } from './grpc-codec.mjs';

const PROTOCOL_VERSION = '2026-07-28';
const SERVER_INFO_KEY = 'io.modelcontextprotocol/serverInfo';
const INSTRUCTIONS = 'A test server for mcpx: tools, resources, prompts and notifications in both protocol eras.';
/** What the SEP-2243 Mcp-Name header carries, per method. */
const NAMED = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };
/** JSON-RPC error codes as the gRPC statuses that say the same. */
const STATUSES = new Map([
  [-32602, status.INVALID_ARGUMENT],
  [-32601, status.UNIMPLEMENTED],
  [-32600, status.FAILED_PRECONDITION],
  [-32002, status.NOT_FOUND],
]);

/** A varint, for the unknown field this server can add. */
function varint(value) {
  const bytes = [];
  for (; value > 0x7f; value >>>= 7) bytes.push((value & 0x7f) | 0x80);
  bytes.push(value);
  return Buffer.from(bytes);
}

const UNKNOWN_FIELD = (() => {
  const text = Buffer.from('a field from a newer revision of mcp.proto');
  return Buffer.concat([varint((4242 << 3) | 2), varint(text.length), text]);
})();

/** The JSON-RPC message answering id 1 in a JSON or an SSE response of the SDK's handler. */
async function answerOf(response) {
  const body = await response.text();
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) return JSON.parse(body);
  for (const event of body.split(/\r?\n\r?\n/)) {
    const data = event
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (data === '') continue;
    const message = JSON.parse(data);
    if (message.id === 1) return message;
  }
  throw new Error(`no answer in the SDK's event stream: ${body.slice(0, 200)}`);
}

/** A routing value as the client sends it: what is not printable ASCII as percent-encoded UTF-8 bytes. */
function routingValue(value) {
  return String(value).replace(/[^ -~]+/gu, (run) =>
    Array.from(Buffer.from(run, 'utf8'), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A line on stderr for the tests to wait for, with MCPX_GRPC_TRACE=1. */
function trace(line) {
  if (process.env.MCPX_GRPC_TRACE === '1') process.stderr.write(`grpc ${line}\n`);
}

function fail(callback, code, details) {
  const error = Object.assign(new Error(details), { code, details, metadata: new Metadata() });
  callback(error, null);
}

/**
 * Listens on 127.0.0.1:`port` (0 for any free port) and resolves with the port and a `close()`.
 * @param {ReturnType<typeof import('./hub.mjs').createHub>} hub
 * @param {number} port
 * @param {(error: Error) => void} onerror
 */
export async function serveGrpc(hub, port, onerror) {
  const modern = createMcpHandler(createServerFactory(hub, { track: false }), { legacy: 'reject', onerror });
  const token = process.env.MCPX_GRPC_TOKEN;
  const definition = { ...loadPackageDefinition(loadMcpService()).model_context_protocol.Mcp.service };
  if (process.env.MCPX_GRPC_UNKNOWN_FIELD === '1') {
    const serialize = definition.ListTools.responseSerialize;
    definition.ListTools = { ...definition.ListTools, responseSerialize: (value) => Buffer.concat([serialize(value), UNKNOWN_FIELD]) };
  }

  /** One call as one 2026-07-28 request to the SDK's handler; rejects with `{ grpc }` for the status to answer with. */
  async function handle(rpc, call) {
    const route = RPCS[rpc];
    const refuse = (code, message) => Promise.reject(Object.assign(new Error(message), { grpc: code }));
    if (token !== undefined && call.metadata.get('authorization')[0] !== `Bearer ${token}`) {
      return refuse(status.UNAUTHENTICATED, 'missing or wrong bearer token');
    }
    const params = paramsOf(rpc, call.request);
    // The binding: the client names the target of the call in metadata, for routing and authorization.
    // Outside printable ASCII, which metadata cannot carry, the value is percent-encoded UTF-8.
    const routing = route.routing?.(params);
    const expected = routing === undefined ? undefined : routingValue(routing[1]);
    if (routing !== undefined && call.metadata.get(routing[0])[0] !== expected) {
      return refuse(status.INVALID_ARGUMENT, `the ${routing[0]} metadata must be ${JSON.stringify(expected)}`);
    }
    const abort = new globalThis.AbortController();
    call.on('cancelled', () => {
      abort.abort();
      trace(`${rpc} cancelled`);
    });
    const deadline = call.getDeadline();
    // grpc-js gives the deadline as a Date or as milliseconds since the epoch (Infinity for none).
    const deadlineMs = (deadline instanceof Date ? deadline.getTime() : Number(deadline)) - Date.now();
    trace(`${rpc} received, deadline in ${Number.isFinite(deadlineMs) ? Math.round(deadlineMs) : 'none'} ms`);
    const headers = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': PROTOCOL_VERSION,
      'mcp-method': route.method,
    };
    const named = NAMED[route.method];
    if (named !== undefined) headers['mcp-name'] = String(params[named]);
    const request = new globalThis.Request('http://127.0.0.1/mcp', {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: route.method, params }),
      signal: abort.signal,
    });
    const answer = await answerOf(await modern.fetch(request));
    if (answer.error !== undefined) return refuse(STATUSES.get(answer.error.code) ?? status.INTERNAL, answer.error.message);
    const result = { ...answer.result, _meta: { ...answer.result._meta, [SERVER_INFO_KEY]: SERVER_INFO } };
    return responseOf(rpc, result, rpc === 'ListTools' ? INSTRUCTIONS : undefined);
  }

  const implementation = {};
  for (const rpc of Object.keys(RPCS)) {
    implementation[rpc] = (call, callback) => {
      handle(rpc, call).then(
        (response) => callback(null, response),
        (error) => fail(callback, error?.grpc ?? status.INTERNAL, error?.message ?? String(error)),
      );
    };
  }

  const server = new Server();
  server.addService(definition, implementation);
  const bound = await new Promise((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, credentials(), (error, actual) => (error ? reject(error) : resolve(actual))),
  );
  return {
    port: bound,
    async close() {
      await modern.close();
      await new Promise((resolve) => server.tryShutdown(() => resolve(undefined)));
    },
  };
}

function credentials() {
  const dir = process.env.MCPX_GRPC_TLS_DIR;
  if (dir === undefined) return ServerCredentials.createInsecure();
  const read = (name) => readFileSync(join(dir, name));
  const mutual = process.env.MCPX_GRPC_MTLS === '1';
  return ServerCredentials.createSsl(
    mutual ? read('ca.pem') : null,
    [{ private_key: read('server-key.pem'), cert_chain: read('server.pem') }],
    mutual,
  );
}
