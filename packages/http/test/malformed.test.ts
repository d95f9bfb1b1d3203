import { TransportError } from '@mcpx/core';
import { openSse, sseEvent } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { text, until, useFakes } from './helpers.js';

describe('malformed answers', () => {
  const fakes = useFakes();

  it('a garbage SSE event is reported and skipped; the response after it still arrives', async () => {
    const server = await fakes.mcpServer();
    server.on('tools/call', ({ response, message }) => {
      openSse(response);
      response.write('data: {"jsonrpc": "2.0", "id": \n\n');
      response.write('garbage line without a field separator\n\n');
      response.write(sseEvent({ data: { jsonrpc: '1.0', id: 1 } }));
      response.end(sseEvent({ data: { jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text: 'fine' }] } } }));
    });
    const { client, errors } = await fakes.client(server.url());
    expect(text(await client.callTool('echo', {}))).toBe('fine');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('malformed JSON'),
      expect.stringContaining('"jsonrpc" member must be "2.0"'),
    ]);
    expect(errors.every(TransportError.isInstance)).toBe(true);
  });

  it('an unexpected content type fails the request with a clear error', async () => {
    const server = await fakes.mcpServer();
    server.on(
      'tools/list',
      ({ response }) => void response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Login required</body></html>'),
    );
    const { client } = await fakes.client(server.url());
    await expect(client.listTools()).rejects.toThrow(
      /content type "text\/html", expected application\/json or text\/event-stream \(body: "<html><body>Login required/,
    );
  });

  it('a malformed JSON body fails the request with a clear error', async () => {
    const server = await fakes.mcpServer();
    server.on(
      'tools/list',
      ({ response }) => void response.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":'),
    );
    const { client } = await fakes.client(server.url());
    await expect(client.listTools()).rejects.toThrow(/the answer to tools\/list is not a JSON-RPC message: malformed JSON/);
  });

  it('a 200 without a body for a request fails it', async () => {
    const server = await fakes.mcpServer();
    server.on('ping', ({ response }) => void response.writeHead(200).end());
    const { client } = await fakes.client(server.url());
    await expect(client.ping()).rejects.toThrow(/content type ""/);
  });
});

describe('oversized answers', () => {
  const fakes = useFakes();

  it('an SSE event over maxEventBytes fails its request, and the transport keeps working', async () => {
    const server = await fakes.mcpServer();
    server.on('tools/call', ({ response, message }) => {
      openSse(response);
      response.end(
        sseEvent({ data: { jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text: 'z'.repeat(64 * 1024) }] } } }),
      );
    });
    const { client } = await fakes.client(server.url(), { maxEventBytes: 4096 });
    await expect(client.callTool('echo', {})).rejects.toThrow(
      /SSE event larger than maxEventBytes \(4096 bytes\) on the response stream of tools\/call/,
    );
    await client.ping();
  });

  it('an event that never ends fails its request once past the limit', { timeout: 10_000 }, async () => {
    const server = await fakes.mcpServer();
    let closed = false;
    server.on('tools/call', ({ response }) => {
      openSse(response);
      response.write('data: ');
      const timer = setInterval(() => response.write('w'.repeat(1024)), 1);
      response.on('close', () => {
        closed = true;
        clearInterval(timer);
      });
    });
    const { client } = await fakes.client(server.url(), { maxEventBytes: 32 * 1024 });
    await expect(client.callTool('echo', {}, { timeoutMs: 60_000 })).rejects.toThrow(/maxEventBytes \(32768 bytes\)/);
    await until(() => closed, 'the stream to be let go');
  });

  it('a JSON body over maxEventBytes fails its request', async () => {
    const server = await fakes.mcpServer();
    server.on('tools/list', ({ result }) =>
      result({ tools: [{ name: 'big', description: 'd'.repeat(8192), inputSchema: { type: 'object' } }] }),
    );
    const { client } = await fakes.client(server.url(), { maxEventBytes: 4096 });
    await expect(client.listTools()).rejects.toThrow(/JSON answer to tools\/list is larger than maxEventBytes \(4096 bytes\)/);
  });
});
