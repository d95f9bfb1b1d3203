import type { JsonRpcMessage } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { ToolHeaders } from './tool-headers.js';

const listed = (tools: unknown[]): JsonRpcMessage => ({ jsonrpc: '2.0', id: 1, result: { resultType: 'complete', tools, ttlMs: 0 } });

const execute = {
  name: 'execute_sql',
  inputSchema: {
    type: 'object',
    properties: {
      region: { type: 'string', 'x-mcp-header': 'Region' },
      limit: { type: 'integer', 'x-mcp-header': 'Limit' },
      dry: { type: 'boolean', 'x-mcp-header': 'Dry' },
      scope: { type: 'object', properties: { tenant: { type: 'string', 'x-mcp-header': 'Tenant' } } },
      query: { type: 'string' },
    },
  },
};
const broken = { name: 'broken', inputSchema: { type: 'object', properties: { score: { type: 'number', 'x-mcp-header': 'Score' } } } };

describe('ToolHeaders', () => {
  it('leaves a tool that breaks the x-mcp-header rules out of tools/list, keeping the rest of the result', () => {
    const tools = new ToolHeaders();
    const { response, excluded } = tools.learn(listed([execute, broken, { name: 'plain', inputSchema: { type: 'object' } }]));
    expect(response).toEqual(listed([execute, { name: 'plain', inputSchema: { type: 'object' } }]));
    expect(excluded).toEqual([{ name: 'broken', problem: expect.stringContaining('"number"') }]);
    expect(tools.problem('broken')).toContain('only integer, string and boolean');
    expect(tools.problem('execute_sql')).toBeUndefined();
  });

  it('returns the very response when no tool is left out', () => {
    const tools = new ToolHeaders();
    const message = listed([execute]);
    expect(tools.learn(message).response).toBe(message);
  });

  it('mirrors the annotated arguments, converted and encoded, and nothing else', () => {
    const tools = new ToolHeaders();
    tools.learn(listed([execute]));
    expect(tools.headers('execute_sql', { region: 'us-west1', limit: 42, dry: false, scope: { tenant: 'Zoë' }, query: 'SELECT 1' })).toEqual({
      'mcp-param-region': 'us-west1',
      'mcp-param-limit': '42',
      'mcp-param-dry': 'false',
      'mcp-param-tenant': '=?base64?Wm/Dqw==?=',
    });
  });

  it('omits the header of a null or absent argument, and of values a header cannot carry faithfully', () => {
    const tools = new ToolHeaders();
    tools.learn(listed([execute]));
    expect(tools.headers('execute_sql', { region: null, scope: 'not an object' })).toEqual({});
    expect(tools.headers('execute_sql', { limit: 2 ** 60, region: { nested: true }, dry: 'yes' })).toEqual({ 'mcp-param-dry': 'yes' });
    expect(tools.headers('execute_sql', undefined)).toEqual({});
  });

  it('knows nothing of a tool it has not seen listed, and forgets a rejection when the tool is fixed', () => {
    const tools = new ToolHeaders();
    expect(tools.headers('execute_sql', { region: 'eu' })).toEqual({});
    tools.learn(listed([broken]));
    expect(tools.problem('broken')).toBeDefined();
    tools.learn(listed([{ name: 'broken', inputSchema: { type: 'object', properties: { score: { type: 'integer', 'x-mcp-header': 'Score' } } } }]));
    expect(tools.problem('broken')).toBeUndefined();
    expect(tools.headers('broken', { score: 7 })).toEqual({ 'mcp-param-score': '7' });
  });
});
