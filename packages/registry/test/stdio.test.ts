import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpClient } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { everythingCommand, filesystemCommand, isRunning, memoryCommand, type ServerCommand } from '@mcpx/test-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { McpRegistry, type ConnectFn } from '../src/index.js';
import { record, text } from './helpers.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'mcpx-registry-stdio-')));
writeFileSync(join(dir, 'hello.txt'), 'hello from the registry\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a factory would build: a new process and client on every connection; remembers every pid. */
function stdio(name: string, command: ServerCommand, pids: number[]): { connect: ConnectFn; transport: () => StdioTransport | undefined } {
  let latest: StdioTransport | undefined;
  return {
    transport: () => latest,
    connect: async (signal) => {
      const transport = new StdioTransport({ ...command, name, stderr: 'pipe', shutdownTimeoutMs: 500 });
      latest = transport;
      const client = new McpClient({ server: name, eraCache: false });
      const connecting = client.connect(transport, { signal });
      await connecting.finally(() => {
        if (transport.pid !== undefined) pids.push(transport.pid);
      });
      return client;
    },
  };
}

describe('a registry of real servers over stdio', () => {
  it('connects everything, memory and filesystem, routes calls, restarts a killed server while the others work, and leaves no process behind', async () => {
    const pids: number[] = [];
    const everything = stdio('everything', everythingCommand('stdio'), pids);
    const memory = stdio('memory', memoryCommand(join(dir, 'memory.jsonl')), pids);
    const filesystem = stdio('filesystem', filesystemCommand(dir), pids);
    const registry = new McpRegistry({ defaults: { reconnect: () => 200, connectTimeoutMs: 20_000, health: { intervalMs: 60_000 } } });
    const events = record(registry);
    try {
      registry.register({ name: 'everything', connect: everything.connect });
      registry.register({ name: 'memory', connect: memory.connect });
      registry.register({ name: 'filesystem', toolPrefix: 'fs', connect: filesystem.connect });

      const report = await registry.connectAll();
      expect(report.connected).toEqual(['everything', 'memory', 'filesystem']);

      // Called before any listing: the registry lists the catalog on its own to find the tool.
      expect(text(await registry.callTool('everything__echo', { message: 'first' }))).toContain('first');

      const { tools, collisions, failures } = await registry.listTools();
      const names = tools.map((tool) => tool.name);
      expect(names).toEqual(
        expect.arrayContaining(['everything__echo', 'memory__create_entities', 'memory__read_graph', 'fs__read_text_file']),
      );
      expect(tools.find((tool) => tool.name === 'fs__read_text_file')).toMatchObject({
        server: 'filesystem',
        originalName: 'read_text_file',
      });
      expect(collisions).toEqual([]);
      expect(failures).toEqual([]);

      expect(text(await registry.callTool('everything__echo', { message: 'routed' }))).toContain('routed');
      await registry.callTool('memory__create_entities', {
        entities: [{ name: 'mcpx', entityType: 'project', observations: ['registry test'] }],
      });
      expect(text(await registry.callTool('fs__read_text_file', { path: join(dir, 'hello.txt') }))).toContain('hello from the registry');

      const killed = memory.transport()?.pid;
      expect(killed).toBeTypeOf('number');
      const restarted = events.reaches('memory', 'connected');
      process.kill(killed!, 'SIGKILL');
      await events.reaches('memory', 'reconnecting');
      expect(text(await registry.callTool('everything__echo', { message: 'while memory restarts' }))).toContain('while memory restarts');
      expect(text(await registry.callTool('fs__read_text_file', { path: join(dir, 'hello.txt') }))).toContain('hello');
      await restarted;
      expect(memory.transport()?.pid).not.toBe(killed);
      expect(isRunning(killed!)).toBe(false);
      expect(JSON.stringify(await registry.callTool('memory__read_graph', {}))).toContain('mcpx');
      expect(registry.stats('memory').reconnects).toBe(1);
      expect(events.states('everything')).toEqual(['connecting', 'connected']);
      expect(events.states('filesystem')).toEqual(['connecting', 'connected']);
      expect(pids).toHaveLength(4);
    } finally {
      const { snapshot } = await registry.close();
      expect(snapshot.totals.states.disconnected).toBe(3);
    }
    expect(pids.filter(isRunning)).toEqual([]);
  });
});
