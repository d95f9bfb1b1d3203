import type { CallToolResult, McpClient } from '@mcpx/core';
import { startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { generateText, stepCountIs } from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aiSdkTools, type AiSdkToolSet } from '../src/ai-sdk.js';
import type { ClientToolSource } from '../src/tool-source.js';
import { aiSdkModel } from './ai-sdk-helpers.js';
import { connectEverything, toolResults } from './helpers.js';

let client: McpClient;
let toolSet: AiSdkToolSet;
let model: AnthropicModelServer | undefined;

beforeAll(async () => {
  client = await connectEverything();
  toolSet = await aiSdkTools(client);
});
afterAll(() => client.close());
afterEach(async () => {
  await model?.close();
  model = undefined;
});

/** The tool_result the provider sent back for one call of `name`. */
async function sentResult(name: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  model = await startAnthropicModelServer({ content: [{ type: 'tool_use', name, input }] }, { content: [{ type: 'text', text: 'ok' }] });
  await generateText({ model: aiSdkModel(model), tools: toolSet.tools, stopWhen: stepCountIs(2), prompt: 'Go' });
  return toolResults(model.requests[1]!)[0]!;
}

describe('results of server-everything, as the AI SDK’s Anthropic provider sends them', () => {
  it('keeps an image as a base64 image block between the texts', async () => {
    const result = await sentResult('get-tiny-image', {});
    expect(result.content).toEqual([
      { type: 'text', text: "Here's the image you requested:" },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: expect.stringMatching(/^iVBOR/) as unknown } },
      { type: 'text', text: 'The image above is the MCP logo.' },
    ]);
  });

  it('does not repeat structuredContent that a text block already carries as JSON', async () => {
    const result = await sentResult('get-structured-content', { location: 'Chicago' });
    expect(result.content).toEqual([
      { type: 'text', text: JSON.stringify({ temperature: 36, conditions: 'Light rain / drizzle', humidity: 82 }) },
    ]);
  });

  it('describes resource links with their URI', async () => {
    const result = await sentResult('get-resource-links', { count: 2 });
    const texts = (result.content as Array<{ text: string }>).map((block) => block.text);
    expect(texts.filter((text) => /^\[a link to the resource ".+" at demo:\/\/resource\/\S+/.test(text))).toHaveLength(2);
  });

  it('gives embedded text resources as text with their URI', async () => {
    const result = await sentResult('get-resource-reference', { resourceType: 'Text', resourceId: 1 });
    const texts = (result.content as Array<{ text: string }>).map((block) => block.text);
    expect(texts.some((text) => /^Resource demo:\/\/resource\/\S+1 \(text\/plain\):\n/.test(text))).toBe(true);
  });
});

describe('an image the provider’s API would refuse', () => {
  it('is described in text, so the generation goes on (an SVG)', async () => {
    // No official server returns an SVG: an in-memory source stands in for one.
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    const source: ClientToolSource = {
      serverInfo: { name: 'drawings' },
      listTools: () => Promise.resolve({ tools: [{ name: 'draw', inputSchema: { type: 'object' } }] }),
      callTool: (): Promise<CallToolResult> => Promise.resolve({ content: [{ type: 'image', data: svg, mimeType: 'image/svg+xml' }] }),
    };
    const { tools } = await aiSdkTools(source);
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'draw', input: {} }] },
      { content: [{ type: 'text', text: 'ok' }] },
    );
    const { text } = await generateText({ model: aiSdkModel(model), tools, stopWhen: stepCountIs(2), prompt: 'Draw' });
    expect(text).toBe('ok');
    expect(toolResults(model.requests[1]!)[0]!.content).toEqual([
      { type: 'text', text: expect.stringMatching(/^\[an image of type image\/svg\+xml, \d+ bytes, left out: /) as unknown },
    ]);
  });
});
