import { everythingCommand } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { createClient, createRegistry, ToolDisabledError } from '../src/index.js';
import { textOf } from './helpers.js';

const everything = everythingCommand('stdio');
const entry = { command: everything.command, args: everything.args };

describe('tool filtering in the config, against server-everything over stdio', () => {
  it('hides the tools of disabledTools from listing and refuses to call them, naming the tool, the server and the key', async () => {
    const client = await createClient({ ...entry, disabledTools: ['echo'] }, { name: 'everything' });
    try {
      const names = (await client.listTools()).tools.map((tool) => tool.name);
      expect(names).not.toContain('echo');
      expect(names).toContain('get-sum');
      const error = await client.callTool('echo', { message: 'hi' }).catch((caught: unknown) => caught);
      expect(ToolDisabledError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ tool: 'echo', server: 'everything', key: 'disabledTools', method: 'tools/call' });
      expect((error as Error).message).toContain('remove it from "disabledTools"');
    } finally {
      await client.close();
    }
  });

  it('lists and calls only the tools of includeTools, excludeTools winning over it', async () => {
    const client = await createClient({ ...entry, includeTools: ['echo', 'get-sum'], excludeTools: ['get-sum'] }, { name: 'everything' });
    try {
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['echo']);
      expect(textOf(await client.callTool('echo', { message: 'hi' }))).toBe('Echo: hi');
      const error = await client.callTool('get-env').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'ToolDisabledError', tool: 'get-env', key: 'includeTools' });
    } finally {
      await client.close();
    }
  });

  it("marks the tools of autoApprove (or alwaysAllow) in a registry's catalog, and keeps its disabled tools out", async () => {
    const registry = await createRegistry({ mcpServers: { everything: { ...entry, alwaysAllow: ['echo'], disabledTools: ['get-env'] } } });
    try {
      const { tools } = await registry.listTools();
      expect(tools.find((tool) => tool.originalName === 'echo')?.autoApproved).toBe(true);
      expect(tools.find((tool) => tool.originalName === 'get-sum')?.autoApproved).toBe(false);
      expect(tools.map((tool) => tool.originalName)).not.toContain('get-env');
      // Hidden from the catalog, a disabled tool is not found there: the registry never reaches the client's refusal.
      await expect(registry.callTool('everything__get-env')).rejects.toMatchObject({ name: 'NotInCatalogError' });
    } finally {
      await registry.close();
    }
  });
});
