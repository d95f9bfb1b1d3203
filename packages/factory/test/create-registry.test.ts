import { join } from 'node:path';
import type { McpRegistry } from '@mcpx/registry';
import {
  everythingCommand,
  memoryCommand,
  startEverythingHttp,
  startWebSocketBridge,
  type HttpServerProcess,
  type WebSocketBridge,
} from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigValidationError, createRegistry, loadConfig, type FactoryDiagnostic } from '../src/index.js';
import { tempDir, textOf } from './helpers.js';

let streamable: HttpServerProcess;
let legacy: HttpServerProcess;
let bridge: WebSocketBridge;
const dir = tempDir('registry');

beforeAll(async () => {
  [streamable, legacy, bridge] = await Promise.all([
    startEverythingHttp('streamableHttp'),
    startEverythingHttp('sse'),
    startWebSocketBridge(),
  ]);
});

afterAll(async () => {
  await Promise.all([streamable?.stop(), legacy?.stop(), bridge?.close()]);
  dir[Symbol.dispose]();
});

function fleetConfig(): string {
  const everything = everythingCommand('stdio');
  const memory = memoryCommand(join(dir.path, 'memory.jsonl'));
  return JSON.stringify(
    {
      mcpServers: {
        everything: { command: everything.command, args: everything.args, tags: ['local'] },
        memory: {
          command: memory.command,
          args: memory.args,
          env: { MEMORY_FILE_PATH: '${MEMORY_DIR}/memory.jsonl' },
          toolPrefix: 'mem',
          tags: ['local'],
        },
        remote: { url: streamable.url, headers: { 'x-token': '${TOKEN:-anonymous}' }, tags: ['remote'] },
        legacy: { url: legacy.url, tags: ['remote'], reconnect: false },
        socket: { url: bridge.url, tags: ['remote'], health: { intervalMs: 60_000 } },
        later: { disabled: true, url: 'https://${LATER_HOST}/mcp' },
      },
    },
    null,
    2,
  );
}

describe("createRegistry('mcp_servers.json')", () => {
  it('brings up a mixed fleet: stdio, Streamable HTTP, SSE by fallback and WebSocket, leaving the disabled one off', async () => {
    dir.write('mcp_servers.json', fleetConfig());
    const diagnostics: FactoryDiagnostic[] = [];
    const registry = await createRegistry('mcp_servers.json', {
      cwd: dir.path,
      env: { MEMORY_DIR: dir.path },
      onDiagnostic: (event) => diagnostics.push(event),
    });
    try {
      expect(registry.list().map((server) => [server.name, server.state])).toEqual([
        ['everything', 'connected'],
        ['memory', 'connected'],
        ['remote', 'connected'],
        ['legacy', 'connected'],
        ['socket', 'connected'],
        ['later', 'disabled'],
      ]);
      expect(registry.list({ tag: 'remote' }).map((server) => server.name)).toEqual(['remote', 'legacy', 'socket']);
      expect(diagnostics.map((event) => [event.server, event.type])).toEqual([['legacy', 'sse-fallback']]);

      const { tools } = await registry.listTools();
      const names = tools.map((tool) => tool.name);
      for (const name of ['everything__echo', 'remote__echo', 'legacy__echo', 'socket__echo', 'mem__read_graph'])
        expect(names).toContain(name);
      for (const server of ['everything', 'remote', 'legacy', 'socket']) {
        expect(textOf(await registry.callTool(`${server}__echo`, { message: server }))).toBe(`Echo: ${server}`);
      }
      await registry.callTool('mem__create_entities', {
        entities: [{ name: 'mcpx', entityType: 'project', observations: ['built by the factory'] }],
      });
      expect(textOf(await registry.callTool('mem__read_graph', {}))).toContain('built by the factory');
    } finally {
      await registry.close();
    }
    expect(registry.list().every((server) => server.client === undefined)).toBe(true);
  });

  it('fails the disabled server on enable() with the problem it was let off with', async () => {
    dir.write('mcp_servers.json', fleetConfig());
    const config = await loadConfig({ cwd: dir.path, env: { MEMORY_DIR: dir.path } });
    const registry: McpRegistry = await createRegistry(
      { ...config, servers: config.servers.filter((server) => server.name === 'later') },
      { connect: false, env: {} },
    );
    try {
      const outcome = await registry.enable('later');
      if (outcome.ok) throw new Error('the disabled server connected');
      expect(ConfigValidationError.isInstance(outcome.error)).toBe(true);
      expect((outcome.error as ConfigValidationError).problems).toMatchObject([
        { file: 'mcp_servers.json', server: 'later', field: 'url', message: '${LATER_HOST} is not set' },
      ]);
      expect(registry.get('later')?.state).toBe('failed');
    } finally {
      await registry.close();
    }
  });

  it('takes a config object as written in a file, and registers without connecting when asked', async () => {
    const everything = everythingCommand('stdio');
    const registry = await createRegistry(
      { servers: { one: { type: 'stdio', command: everything.command, args: everything.args, toolPrefix: '' } } },
      { connect: false, env: {} },
    );
    try {
      expect(registry.get('one')).toMatchObject({ state: 'disconnected', toolPrefix: '' });
      expect((await registry.connect('one')).ok).toBe(true);
      expect((await registry.listTools()).tools.map((tool) => tool.name)).toContain('echo');
    } finally {
      await registry.close();
    }
  });

  it('rejects an invalid config before registering anything', async () => {
    await expect(createRegistry({ mcpServers: { bad: { comand: 'x' } } }, { env: {} })).rejects.toSatisfy(ConfigValidationError.isInstance);
  });
});
