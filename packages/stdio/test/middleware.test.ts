import {
  logRequests,
  McpClient,
  RequestTimeoutError,
  type JsonRpcMessage,
  type JsonRpcRequest,
  type RequestLogEntry,
  type RequestMiddleware,
} from '@mcpx/core';
import { everythingCommand } from '@mcpx/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { StdioTransport } from '../src/index.js';

const everything = everythingCommand('stdio');
const clients: McpClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** A client of server-everything over stdio, and every message it wrote. */
async function connect(options: ConstructorParameters<typeof McpClient>[0]) {
  const transport = new StdioTransport({ command: everything.command, args: everything.args });
  const sent: JsonRpcMessage[] = [];
  const send = transport.send.bind(transport);
  transport.send = (message, sendOptions) => (sent.push(message), send(message, sendOptions));
  const client = new McpClient({ server: 'everything', ...options });
  clients.push(client);
  await client.connect(transport);
  return { client, sent };
}

const metaOf = (sent: JsonRpcMessage[], method: string): unknown => {
  const request = sent.find((message): message is JsonRpcRequest => 'method' in message && message.method === method && 'id' in message);
  return request?.params?._meta;
};

describe('request middleware against server-everything over stdio', () => {
  it('sends the request context in the _meta of each request, which the server accepts', async () => {
    const { client, sent } = await connect({ context: { userId: 'user-456', tags: ['ci'] } });
    const result = await client.callTool('echo', { message: 'hi' }, { context: { priority: 2 } });
    expect(result.content).toEqual([{ type: 'text', text: 'Echo: hi' }]);
    expect(metaOf(sent, 'tools/call')).toEqual({ 'mcpx/context': { userId: 'user-456', tags: ['ci'], priority: 2 } });
  });

  it("ends a tool call that outlives the context's TTL", async () => {
    const { client } = await connect({ context: { ttlMs: 1_000 } });
    const error = await client.callTool('trigger-long-running-operation', { duration: 30, steps: 30 }).catch((caught: unknown) => caught);
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'total', timeoutMs: 1_000 });
  });

  it('logs every request and its result by size', async () => {
    const entries: RequestLogEntry[] = [];
    const { client } = await connect({ middleware: [logRequests((entry) => entries.push(entry))] });
    await client.listTools();
    await client.callTool('echo', { message: 'hi' });
    expect(entries.map((entry) => `${entry.type} ${entry.method}`)).toEqual([
      'request tools/list',
      'result tools/list',
      'request tools/call',
      'result tools/call',
    ]);
    expect(entries.every((entry) => entry.server === 'everything' && typeof entry.id === 'number')).toBe(true);
  });

  it('hides a tool from the list when a middleware filters the result', async () => {
    const hide: RequestMiddleware = async (request, next) => {
      const result = await next(request);
      return request.method === 'tools/list'
        ? { ...result, tools: (result.tools as Array<{ name: string }>).filter((tool) => tool.name !== 'echo') }
        : result;
    };
    const { client } = await connect({ middleware: [hide] });
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).not.toContain('echo');
    expect(names).toContain('get-sum');
  });
});
