import { createServer, type AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import { McpClient, type McpClientOptions } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { everythingCommand, startAnthropicModelServer, type AnthropicModelServer, type ScriptedTurn } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { anthropicTools, type AnthropicToolSet } from '../src/anthropic.js';

/** The real Anthropic SDK, pointed at a loopback model server. */
export function anthropicFor(model: Pick<AnthropicModelServer, 'baseURL'>, options: { maxRetries?: number } = {}): Anthropic {
  return new Anthropic({ baseURL: model.baseURL, apiKey: 'test-key', maxRetries: options.maxRetries ?? 2 });
}

/** A client connected to server-everything over stdio. */
export async function connectEverything(options: McpClientOptions = {}): Promise<McpClient> {
  const client = new McpClient({ server: 'everything', ...options });
  await client.connect(new StdioTransport({ ...everythingCommand('stdio'), stderr: 'ignore' }));
  return client;
}

/**
 * server-everything over stdio and its Anthropic tools, connected before the file's tests and
 * closed after them. Read `client` and `tools` inside a test, once the connection is made.
 */
export function useEverythingTools(): { readonly client: McpClient; readonly tools: AnthropicToolSet } {
  let connected: { client: McpClient; tools: AnthropicToolSet } | undefined;
  beforeAll(async () => {
    const client = await connectEverything();
    connected = { client, tools: await anthropicTools(client, { server: 'everything' }) };
  });
  afterAll(() => connected?.client.close());
  const get = () => {
    if (connected === undefined) throw new Error('useEverythingTools: read client and tools inside a test, not while the file loads');
    return connected;
  };
  return {
    get client() {
      return get().client;
    },
    get tools() {
      return get().tools;
    },
  };
}

/** Connects clients of server-everything with the options a test gives (a sampling handler, say), each closed after its test. */
export function useEverythingClients(): (options?: McpClientOptions) => Promise<McpClient> {
  const open: McpClient[] = [];
  afterEach(() => Promise.all(open.splice(0).map((client) => client.close())));
  return async (options) => {
    const client = await connectEverything(options);
    open.push(client);
    return client;
  };
}

/** Starts loopback model servers answering the turns a test scripts, each closed after its test. */
export function useModelServers(): (...turns: ScriptedTurn[]) => Promise<AnthropicModelServer> {
  const started: AnthropicModelServer[] = [];
  afterEach(() => Promise.all(started.splice(0).map((model) => model.close())));
  return async (...turns) => {
    const model = await startAnthropicModelServer(...turns);
    started.push(model);
    return model;
  };
}

/** A conversation of one user question. */
export const ask = (question: string) => [{ role: 'user' as const, content: question }];

/** The `tool_result` blocks of a recorded request's last message. */
export function toolResults(request: { params: { messages: Array<{ role: string; content: unknown }> } }): Array<Record<string, unknown>> {
  const last = request.params.messages.at(-1);
  return Array.isArray(last?.content)
    ? (last.content as Array<Record<string, unknown>>).filter((block) => block.type === 'tool_result')
    : [];
}

/** The text of a tool_result's content blocks. */
export function resultText(result: Record<string, unknown>): string {
  const content = result.content as Array<{ type: string; text?: string }> | undefined;
  return (content ?? []).map((block) => block.text ?? '').join('\n');
}

/**
 * A loopback port that takes each connection and drops it: a model that cannot be
 * reached. (A closed server's port may be taken again by another process.)
 */
export async function startDroppingServer(): Promise<{ origin: string; close(): Promise<void> }> {
  // Dropped once the request arrives: a socket destroyed before it can leave the Anthropic SDK waiting.
  const server = createServer((socket) => socket.once('data', () => socket.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
