import type { McpClient } from '@mcpx/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicTools, type AnthropicToolSet } from '../src/anthropic.js';
import { connectEverything } from './helpers.js';

let client: McpClient;
let tools: AnthropicToolSet;

beforeAll(async () => {
  client = await connectEverything();
  tools = await anthropicTools(client);
});
afterAll(() => client.close());

const use = (name: string, input: Record<string, unknown> = {}) => tools.handle([{ type: 'tool_use', id: 'toolu_1', name, input }]);

describe('results of server-everything as tool_result blocks', () => {
  it('keeps an image as a base64 image block with its media type, between the texts', async () => {
    const [result] = await use('get-tiny-image');
    expect(result!.content).toEqual([
      { type: 'text', text: "Here's the image you requested:" },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: expect.stringMatching(/^iVBOR/) as unknown } },
      { type: 'text', text: 'The image above is the MCP logo.' },
    ]);
  });

  it('does not repeat structuredContent that a text block already carries as JSON', async () => {
    const [result] = await use('get-structured-content', { location: 'Chicago' });
    expect(result!.content).toEqual([
      { type: 'text', text: JSON.stringify({ temperature: 36, conditions: 'Light rain / drizzle', humidity: 82 }) },
    ]);
  });

  it('describes resource links with their URI', async () => {
    const [result] = await use('get-resource-links', { count: 2 });
    const texts = (result!.content as Array<{ type: string; text: string }>).map((block) => block.text);
    expect(texts.filter((text) => /^\[a link to the resource ".+" at demo:\/\/resource\/\S+/.test(text))).toHaveLength(2);
  });

  it('gives embedded text resources as text with their URI', async () => {
    const [result] = await use('get-resource-reference', { resourceType: 'Text', resourceId: 1 });
    const texts = (result!.content as Array<{ type: string; text: string }>).map((block) => block.text);
    expect(texts.some((text) => /^Resource demo:\/\/resource\/\S+1 \(text\/plain\):\n/.test(text))).toBe(true);
  });
});
