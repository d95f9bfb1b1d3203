import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpClient } from '@mcpx/core';
import { memoryCommand } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StdioTransport } from '../src/index.js';

describe('server-memory over stdio', () => {
  let dir: string;
  let client: McpClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcpx-memory-'));
    client = new McpClient({ server: 'memory' });
    await client.connect(new StdioTransport({ ...memoryCommand(join(dir, 'graph.jsonl')), stderr: 'pipe' }));
  });

  afterAll(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores entities and finds them again', async () => {
    await client.callTool('create_entities', {
      entities: [{ name: 'mcpx', entityType: 'project', observations: ['a TypeScript MCP client'] }],
    });
    const found = await client.callTool('search_nodes', { query: 'TypeScript' });
    expect(JSON.stringify(found)).toContain('mcpx');
  });

  it('reads the whole graph with relations', async () => {
    await client.callTool('create_entities', { entities: [{ name: 'MCP', entityType: 'protocol', observations: [] }] });
    await client.callTool('create_relations', { relations: [{ from: 'mcpx', to: 'MCP', relationType: 'speaks' }] });
    const graph = await client.callTool('read_graph', {});
    expect(JSON.stringify(graph)).toContain('speaks');
  });
});
