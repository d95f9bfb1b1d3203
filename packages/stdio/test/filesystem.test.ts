import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpClient } from '@mcpx/core';
import { filesystemCommand } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StdioTransport } from '../src/index.js';

describe('server-filesystem over stdio, on a temporary folder', () => {
  let root: string;
  let client: McpClient;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mcpx-fs-'));
    writeFileSync(join(root, 'hello.txt'), 'hello from mcpx\n');
    client = new McpClient({ server: 'filesystem' });
    await client.connect(new StdioTransport({ ...filesystemCommand(root), stderr: 'pipe' }));
  });

  afterAll(async () => {
    await client?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists its file tools', async () => {
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['read_text_file', 'write_file', 'list_directory']));
  });

  it('reads a file in the allowed folder', async () => {
    const result = await client.callTool('read_text_file', { path: join(root, 'hello.txt') });
    expect(JSON.stringify(result.content)).toContain('hello from mcpx');
  });

  it('writes a file that really lands on disk', async () => {
    const target = join(root, 'written.txt');
    const result = await client.callTool('write_file', { path: target, content: 'written through MCP' });
    expect(result.isError).not.toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('written through MCP');
  });

  it('refuses a path outside the allowed folder as a tool error', async () => {
    const result = await client.callTool('read_text_file', { path: '/etc/hostname' });
    expect(result.isError).toBe(true);
  });
});
