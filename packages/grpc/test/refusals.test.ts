import { McpClient } from '@mcpx/core';
import { startDualEraGrpcServer, type DualEraGrpcServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GrpcTransport } from '../src/index.js';

let server: DualEraGrpcServer;
const clients: McpClient[] = [];
beforeAll(async () => {
  server = await startDualEraGrpcServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await server?.close();
});

async function connect(): Promise<McpClient> {
  const client = new McpClient({ server: 'grpc-test', eraCache: false });
  clients.push(client);
  await client.connect(new GrpcTransport(server.target));
  return client;
}

describe('requests the gRPC binding has no call for', () => {
  it('refuses subscriptions with an error naming subscriptions/listen and the binding', async () => {
    const client = await connect();
    await expect(client.subscribe({ toolsListChanged: true })).rejects.toMatchObject({
      name: 'TransportError',
      message: expect.stringMatching(/subscriptions\/listen has no call in the gRPC binding of MCP .*no streaming rpc/),
    });
  });

  it('refuses a generic request of another method, and names the methods it carries', async () => {
    const client = await connect();
    await expect(client.request('tasks/get', { taskId: 't' })).rejects.toMatchObject({
      name: 'TransportError',
      method: 'tasks/get',
      message: expect.stringContaining('tools/call, resources/list'),
    });
  });

  it('refuses the legacy era: initialize has no call either', async () => {
    const client = new McpClient({ server: 'grpc-test', era: 'legacy', eraCache: false });
    clients.push(client);
    await expect(client.connect(new GrpcTransport(server.target))).rejects.toThrow(/initialize has no call .*only the 2026-07-28 era/);
  });

  it('answers ping with a ListTools round trip', async () => {
    const client = await connect();
    const sent: string[] = [];
    client.on('request', (event) => sent.push(event.method));
    await client.ping();
    expect(sent).toEqual(['server/discover']);
  });
});
