import type { CallToolResult, Tool } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import type { ClientToolSource } from '../tool-source.js';
import { aiSdkTools } from './ai-sdk-tools.js';

// Odd schemas and names are rare on real servers: an in-memory source stands in for one.
function source(tools: Tool[]): ClientToolSource {
  return {
    serverInfo: { name: 'odd' },
    listTools: () => Promise.resolve({ tools }),
    callTool: (): Promise<CallToolResult> => Promise.resolve({ content: [] }),
  };
}

const plain: Tool = { name: 'plain', inputSchema: { type: 'object' } };
const either: Tool = { name: 'either', inputSchema: { type: 'object', anyOf: [{ required: ['a'] }, { required: ['b'] }] } };

describe('a tool whose schema the providers refuse', () => {
  it('is left out and listed in skipped with its reason by default', async () => {
    const toolSet = await aiSdkTools(source([plain, either]));
    expect(Object.keys(toolSet.tools)).toEqual(['plain']);
    expect(toolSet.skipped.map(({ tool, error }) => [tool.originalName, error.server, error.message])).toEqual([
      [
        'either',
        'odd',
        'server "odd": tool "either": its input schema cannot be sent to the AI SDK’s providers: it has "anyOf" at its top level, which Anthropic’s API or OpenAI’s does not accept; leave the tool out (the adapter\'s select option) or fix its schema on the server',
      ],
    ]);
  });

  it("throws its UnsupportedSchemaError with onUnsupportedSchema: 'throw'", async () => {
    const error: unknown = await aiSdkTools(source([plain, either]), { onUnsupportedSchema: 'throw' }).catch((caught: unknown) => caught);
    expect(UnsupportedSchemaError.isInstance(error)).toBe(true);
  });
});

describe('the names of aiSdkTools', () => {
  it('follow the rules of every provider by default: 64 characters at most, a letter or underscore first', async () => {
    const long: Tool = { name: `x${'y'.repeat(80)}`, inputSchema: { type: 'object' } };
    const digit: Tool = { name: '3d.render', inputSchema: { type: 'object' } };
    const names = Object.keys((await aiSdkTools(source([long, digit]))).tools);
    expect(names[0]).toHaveLength(64);
    expect(names[1]).toBe('_3d_render');
  });
});

describe('the options of aiSdkTools', () => {
  it('refuses an unknown key, naming its likely spelling', async () => {
    await expect(aiSdkTools(source([plain]), { onEvents: () => {} } as never)).rejects.toThrow(/onEvents.*onEvent/);
  });
});
