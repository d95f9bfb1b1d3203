import { McpClient, type TransportDiagnostic } from '@mcpx/core';
import { startDualEraGrpcServer, until, type DualEraGrpcServer } from '@mcpx/test-utils';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GrpcTransport, type GrpcTransportOptions } from '../src/index.js';

const servers: DualEraGrpcServer[] = [];
const clients: McpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(env: Record<string, string> = {}): Promise<DualEraGrpcServer> {
  const server = await startDualEraGrpcServer({ env });
  servers.push(server);
  return server;
}

async function connect(target: string, options: GrpcTransportOptions = {}): Promise<McpClient> {
  const client = new McpClient({ server: 'grpc-test', eraCache: false });
  clients.push(client);
  await client.connect(new GrpcTransport(target, options));
  return client;
}

const refusers: Server[] = [];
afterEach(async () => {
  await Promise.all(refusers.splice(0).map((refuser) => new Promise((resolve) => refuser.close(resolve))));
});

/**
 * A loopback port held by a listener that closes every connection at once, so no gRPC server can
 * answer there (a port merely freed could be taken by another process meanwhile).
 */
async function deadPort(): Promise<number> {
  const refuser = createServer((socket) => socket.destroy());
  refusers.push(refuser);
  await new Promise<void>((resolve) => refuser.listen(0, '127.0.0.1', resolve));
  return (refuser.address() as { port: number }).port;
}

describe('faults over the gRPC binding', () => {
  it('fails to connect to a server that is not there with a retryable error naming the target', async () => {
    const target = `grpc://127.0.0.1:${await deadPort()}`;
    const client = new McpClient({ server: 'grpc-test', eraCache: false, connectTimeoutMs: 30_000 });
    clients.push(client);
    const error = await client.connect(new GrpcTransport(target, { connectTimeoutMs: 2000 })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      isRetryable: true,
      message: expect.stringContaining(`could not connect to the gRPC server at ${target}`),
    });
  });

  it('says why it could not connect, without waiting for connectTimeoutMs', async () => {
    const target = `grpc://127.0.0.1:${await deadPort()}`;
    const started = Date.now();
    const error = await new GrpcTransport(target, { connectTimeoutMs: 120_000 }).start().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TransportError', message: expect.stringContaining('Last error') });
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('rejects start() when close() is called while it connects', async () => {
    const server = await start();
    const transport = new GrpcTransport(server.target);
    const starting = transport.start().catch((e: unknown) => e);
    await transport.close();
    expect(await starting).toMatchObject({ name: 'TransportError', message: expect.stringContaining('closed while it was connecting') });
  });

  it('ends a call at its deadline with a RequestTimeoutError, and the transport stays usable', async () => {
    const server = await start();
    const client = await connect(server.target);
    const error = await client.callTool('slow', { ms: 30_000, steps: 1 }, { timeoutMs: 1500 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RequestTimeoutError', timeoutMs: 1500 });
    expect((await client.callTool('echo', { message: 'after' })).content).toEqual([{ type: 'text', text: 'Echo: after' }]);
  });

  it('ends a call past maxTotalTimeoutMs as a total timeout', async () => {
    const server = await start();
    const client = await connect(server.target);
    const error = await client
      .callTool('slow', { ms: 30_000, steps: 1 }, { timeoutMs: 30_000, maxTotalTimeoutMs: 1500 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RequestTimeoutError', kind: 'total', timeoutMs: 1500 });
  });

  it('sends the request timeout as the call deadline the server sees', async () => {
    const server = await start({ MCPX_GRPC_TRACE: '1' });
    const client = await connect(server.target);
    await client.callTool('echo', { message: 'timed' }, { timeoutMs: 40_000 });
    const line = server.stderr.find((text) => text.startsWith('grpc CallTool received'));
    const deadlineMs = Number(/deadline in (\d+) ms/.exec(line ?? '')?.[1]);
    expect(deadlineMs).toBeGreaterThan(0);
    expect(deadlineMs).toBeLessThanOrEqual(40_000);
  });

  it('cancels the server-side call when the caller aborts its signal', async () => {
    const server = await start({ MCPX_GRPC_TRACE: '1' });
    const client = await connect(server.target);
    const abort = new AbortController();
    const call = client.callTool('slow', { ms: 30_000, steps: 1 }, { signal: abort.signal }).catch((e: unknown) => e);
    await until(() => server.stderr.some((text) => text.startsWith('grpc CallTool received')), 'the server to receive the call');
    abort.abort();
    await call;
    await until(() => server.stderr.includes('grpc CallTool cancelled'), 'the server to see the call cancelled');
  });

  it('fails a tools/call cut by a connection reset with a TransportError that is not retryable, as the tool may have run', async () => {
    const server = await start({ MCPX_GRPC_TRACE: '1' });
    const client = await connect(server.target);
    const call = client.callTool('slow', { ms: 30_000, steps: 1 }).catch((e: unknown) => e);
    await until(() => server.stderr.some((text) => text.startsWith('grpc CallTool received')), 'the server to receive the call');
    await server.kill();
    const error = await call;
    expect(error).toMatchObject({ name: 'TransportError', isRetryable: false, method: 'tools/call' });
  });

  it('refuses a response over the size limit with an error saying which limit to raise', async () => {
    const server = await start();
    const client = await connect(server.target, { maxReceiveMessageBytes: 4096 });
    const error = await client.callTool('echo', { message: 'x'.repeat(20_000) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TransportError', message: expect.stringContaining('raise maxReceiveMessageBytes') });
    expect((await client.callTool('echo', { message: 'small' })).content).toEqual([{ type: 'text', text: 'Echo: small' }]);
  });

  it('keeps a response with a field it does not know, and says so once', async () => {
    const server = await start({ MCPX_GRPC_UNKNOWN_FIELD: '1' });
    const client = new McpClient({ server: 'grpc-test', eraCache: false, cache: false });
    clients.push(client);
    const diagnostics: TransportDiagnostic[] = [];
    client.on('diagnostic', (event) => diagnostics.push(event));
    await client.connect(new GrpcTransport(server.target));
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('echo');
    await client.listTools();
    expect(diagnostics).toEqual([{ type: 'info', message: expect.stringContaining('model_context_protocol.ListToolsResponse.4242') }]);
  });
});
