import { describe, expect, it } from 'vitest';
import { MirroredArguments } from './tool-arguments.js';

const listed = (tools: unknown[]): Record<string, unknown> => ({ resultType: 'complete', tools, ttlMs: 0 });

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

describe('MirroredArguments', () => {
  it('leaves a tool that breaks the x-mcp-header rules out of tools/list, keeping the rest of the result', () => {
    const tools = new MirroredArguments();
    const { result, excluded } = tools.learn(listed([execute, broken, { name: 'plain', inputSchema: { type: 'object' } }]));
    expect(result).toEqual(listed([execute, { name: 'plain', inputSchema: { type: 'object' } }]));
    expect(excluded).toEqual([{ name: 'broken', problem: expect.stringContaining('"number"') }]);
    expect(tools.problem('broken')).toContain('only integer, string and boolean');
    expect(tools.problem('execute_sql')).toBeUndefined();
  });

  it('returns the very result when no tool is left out', () => {
    const tools = new MirroredArguments();
    const result = listed([execute]);
    expect(tools.learn(result).result).toBe(result);
  });

  it('gives the annotated arguments as text by header name, and nothing else', () => {
    const tools = new MirroredArguments();
    tools.learn(listed([execute]));
    expect(tools.of('execute_sql', { region: 'us-west1', limit: 42, dry: false, scope: { tenant: 'Zoë' }, query: 'SELECT 1' })).toEqual({
      Region: 'us-west1',
      Limit: '42',
      Dry: 'false',
      Tenant: 'Zoë',
    });
  });

  it('leaves out a null or absent argument, and values a header cannot carry faithfully', () => {
    const tools = new MirroredArguments();
    tools.learn(listed([execute]));
    expect(tools.of('execute_sql', { region: null, scope: 'not an object' })).toBeUndefined();
    expect(tools.of('execute_sql', { limit: 2 ** 60, region: { nested: true }, dry: 'yes' })).toEqual({ Dry: 'yes' });
    expect(tools.of('execute_sql', undefined)).toBeUndefined();
  });

  it('knows nothing of a tool it has not seen listed, and forgets a rejection when the tool is fixed', () => {
    const tools = new MirroredArguments();
    expect(tools.of('execute_sql', { region: 'eu' })).toBeUndefined();
    tools.learn(listed([broken]));
    expect(tools.problem('broken')).toBeDefined();
    tools.learn(
      listed([{ name: 'broken', inputSchema: { type: 'object', properties: { score: { type: 'integer', 'x-mcp-header': 'Score' } } } }]),
    );
    expect(tools.problem('broken')).toBeUndefined();
    expect(tools.of('broken', { score: 7 })).toEqual({ Score: '7' });
  });
});
