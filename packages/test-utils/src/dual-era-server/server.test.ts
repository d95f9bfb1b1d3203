import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { dualEraServerCommand, startDualEraHttpServer, type DualEraHttpServer } from './launch.js';

const MODERN = '2026-07-28';
const LEGACY = '2025-11-25';
const envelope = {
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
  'io.modelcontextprotocol/clientInfo': { name: 'server-test', version: '0.0.0' },
};
const discover = { jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta: envelope } };
const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: LEGACY, capabilities: {}, clientInfo: { name: 'server-test', version: '0.0.0' } },
};

type Message = { id: number } & Record<string, unknown>;

interface Reply {
  id?: number;
  result?: Record<string, unknown>;
  error?: unknown;
}

/** Starts the stdio server; `rpc` writes one request and resolves with the response of the same id. */
function startStdio(): { rpc(message: Message): Promise<Reply>; child: ChildProcessWithoutNullStreams } {
  const { command, args } = dualEraServerCommand();
  const child = spawn(command, args);
  const waiting = new Map<number, (reply: Reply) => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const reply = JSON.parse(line) as Reply;
    if (reply.id !== undefined && !('method' in reply)) waiting.get(reply.id)?.(reply);
  });
  return {
    child,
    rpc: (message) =>
      new Promise((resolve) => {
        waiting.set(message.id, resolve);
        child.stdin.write(`${JSON.stringify(message)}\n`);
      }),
  };
}

async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Headers; reply: Reply }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  // A legacy response may come as one SSE event; its data line is the JSON-RPC message.
  const json = response.headers.get('content-type')?.startsWith('text/event-stream') ? /^data: (.*)$/m.exec(text)?.[1] : text;
  return { status: response.status, headers: response.headers, reply: JSON.parse(json ?? 'null') as Reply };
}

const expectedDiscover = {
  resultType: 'complete',
  supportedVersions: expect.arrayContaining([MODERN]),
  capabilities: expect.objectContaining({ tools: { listChanged: true }, resources: { subscribe: true, listChanged: true } }),
  ttlMs: 300_000,
  cacheScope: 'public',
  _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'mcpx-dual-era-test-server', version: '1.0.0' } },
};

describe('the dual-era test server', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  it('answers server/discover over stdio', async () => {
    const server = startStdio();
    cleanups.push(() => server.child.kill());
    const reply = await server.rpc(discover);
    expect(reply.result).toMatchObject(expectedDiscover);
  });

  it('answers a legacy initialize over stdio and then lists tools', async () => {
    const server = startStdio();
    cleanups.push(() => server.child.kill());
    const reply = await server.rpc(initialize);
    expect(reply.result).toMatchObject({ protocolVersion: LEGACY, serverInfo: { name: 'mcpx-dual-era-test-server' } });
    server.child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    const tools = await server.rpc({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
    expect((tools.result?.tools as Array<{ name: string }>).map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['echo', 'add', 'slow', 'ask-name', 'sample', 'log', 'touch-resource']),
    );
  });

  describe('over Streamable HTTP', () => {
    let server: DualEraHttpServer;
    afterEach(async () => {
      await server.close();
    });

    it('answers server/discover with the 2026-07-28 headers', async () => {
      server = await startDualEraHttpServer();
      const { status, reply } = await postJson(server.url, discover, { 'mcp-protocol-version': MODERN, 'mcp-method': 'server/discover' });
      expect(status).toBe(200);
      expect(reply.result).toMatchObject(expectedDiscover);
    });

    it('answers a legacy initialize with a session id', async () => {
      server = await startDualEraHttpServer();
      const { status, headers, reply } = await postJson(server.url, initialize, {});
      expect(status).toBe(200);
      expect(headers.get('mcp-session-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(reply.result).toMatchObject({ protocolVersion: LEGACY, serverInfo: { name: 'mcpx-dual-era-test-server' } });
    });
  });
});
