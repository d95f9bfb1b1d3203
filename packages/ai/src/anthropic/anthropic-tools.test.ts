import type { CallToolResult, Tool } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import type { ClientToolSource } from '../tool-source.js';
import { anthropicTools } from './anthropic-tools.js';

// A server sending a top-level anyOf is rare: an in-memory source stands in for one.
function source(tools: Tool[]): ClientToolSource {
  return {
    serverInfo: { name: 'odd' },
    listTools: () => Promise.resolve({ tools }),
    callTool: (): Promise<CallToolResult> => Promise.resolve({ content: [] }),
  };
}

const plain: Tool = { name: 'plain', inputSchema: { type: 'object' } };
const either: Tool = { name: 'either', inputSchema: { type: 'object', anyOf: [{ required: ['a'] }, { required: ['b'] }] } };

describe('a tool whose schema the Messages API refuses', () => {
  it('is left out and listed in skipped with its reason by default', async () => {
    const tools = await anthropicTools(source([plain, either]));
    expect(tools.tools.map((tool) => tool.name)).toEqual(['plain']);
    expect(tools.skipped.map(({ tool, error }) => [tool.originalName, error.server])).toEqual([['either', 'odd']]);
  });

  it("throws its UnsupportedSchemaError with onUnsupportedSchema: 'throw'", async () => {
    const error: unknown = await anthropicTools(source([plain, either]), { onUnsupportedSchema: 'throw' }).catch(
      (caught: unknown) => caught,
    );
    expect(UnsupportedSchemaError.isInstance(error)).toBe(true);
    expect((error as UnsupportedSchemaError).tool).toBe('either');
  });
});

describe('the options of anthropicTools', () => {
  it('refuses an unknown key of select, naming its path', async () => {
    await expect(anthropicTools(source([plain]), { select: { server: ['odd'] } as never })).rejects.toThrow(/select\.server.*servers/);
  });
});
