import Anthropic from '@anthropic-ai/sdk';
import { McpClient, type McpClientOptions } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { everythingCommand, type AnthropicModelServer } from '@mcpx/test-utils';

/** The real Anthropic SDK, pointed at a loopback model server. */
export function anthropicFor(model: AnthropicModelServer, options: { maxRetries?: number } = {}): Anthropic {
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
