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
  await client.connect(new GrpcTransport(server.target, { name: 'grpc-test' }));
  return client;
}

describe('the gRPC binding against the dual-era test server', () => {
  it('learns the server, its instructions and the service capabilities from ListTools', async () => {
    const client = await connect();
    expect(client.serverInfo).toEqual({ name: 'mcpx-dual-era-test-server', version: '1.0.0' });
    expect(client.instructions).toContain('A test server for mcpx');
    expect(client.serverCapabilities).toEqual({ tools: {}, resources: {}, prompts: {}, completions: {} });
  });

  it('serves a second tools/list from the cache while the list ttl lasts', async () => {
    const client = await connect();
    const sent: string[] = [];
    client.on('request', (event) => sent.push(event.method));
    const first = await client.listTools();
    const second = await client.listTools();
    expect(second.tools).toEqual(first.tools);
    expect(sent.filter((method) => method === 'tools/list')).toHaveLength(1);
  });

  it('carries tool annotations, output schemas and structured content both ways', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    const add = tools.find((tool) => tool.name === 'add');
    expect(add?.outputSchema).toMatchObject({ type: 'object', properties: { sum: { type: 'number' } } });
    expect((await client.callTool('add', { a: 20, b: 22 })).structuredContent).toEqual({ sum: 42 });
  });

  it('lists resources, templates and prompts, and completes a prompt argument', async () => {
    const client = await connect();
    expect((await client.listResources()).resources.map((r) => r.uri)).toContain('test://counter');
    expect((await client.listResourceTemplates()).resourceTemplates.length).toBeGreaterThan(0);
    const prompts = (await client.listPrompts()).prompts;
    expect(prompts.map((p) => p.name)).toContain('greet');
    const prompt = await client.complete({ ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'name', value: 'A' } });
    expect(prompt.completion.values).toEqual(['Ada', 'Alan']);
    const resource = await client.complete({
      ref: { type: 'ref/resource', uri: 'test://items/{id}' },
      argument: { name: 'id', value: 'g' },
    });
    expect(resource.completion.values).toEqual(['gamma']);
  });

  it('sends no deadline for a request that may wait forever (timeoutMs: Infinity), instead of crashing in grpc-js', async () => {
    const client = await connect();
    const result = await client.callTool('echo', { message: 'no deadline' }, { timeoutMs: Infinity });
    expect(result.content).toEqual([{ type: 'text', text: 'Echo: no deadline' }]);
  });

  it('gives an unknown tool the server error as a ProtocolError, and stays usable', async () => {
    const client = await connect();
    const error = await client.callTool('no-such-tool', {}).then(
      (result) => result,
      (e: unknown) => e,
    );
    // The SDK answers an unknown tool with an isError result or with a JSON-RPC error: either way not a transport failure.
    if (error instanceof Error) expect(error).toMatchObject({ name: 'ProtocolError' });
    else expect(error).toMatchObject({ isError: true });
    expect((await client.callTool('echo', { message: 'still here' })).content).toEqual([{ type: 'text', text: 'Echo: still here' }]);
  });

  it('reads a resource whose URI is not ASCII, its mcp_resource metadata percent-encoded', async () => {
    const client = await connect();
    const read = await client.readResource('test://items/résumé');
    expect(read.contents).toHaveLength(1);
    expect(read.contents[0]).toMatchObject({ text: expect.stringMatching(/^item r(é|%C3%A9)sum(é|%C3%A9)$/) });
  });

  it('sends a prompt name that is not ASCII, so the server answers it', async () => {
    const client = await connect();
    const error = await client.getPrompt('résumé').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProtocolError', message: expect.stringContaining('Prompt résumé not found') });
  });
});
