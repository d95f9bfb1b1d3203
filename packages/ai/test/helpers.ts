import { createServer, type AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import { McpClient, type McpClientOptions } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { everythingCommand, type AnthropicModelServer } from '@mcpx/test-utils';

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
