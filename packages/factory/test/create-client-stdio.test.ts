import { join } from 'node:path';
import { ConfigError, RequestTimeoutError } from '@mcpx/core';
import { ConnectTimeoutError } from '@mcpx/registry';
import { everythingCommand, faultServersDir } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { ConfigValidationError, createClient, loadConfig } from '../src/index.js';
import { tempDir, textOf } from './helpers.js';

const everything = everythingCommand('stdio');

describe('createClient over stdio, against server-everything', () => {
  it('connects a server entry written as in a config file and calls a tool', async () => {
    const client = await createClient({ command: everything.command, args: everything.args }, { name: 'everything' });
    try {
      expect(client.state).toBe('connected');
      expect(client.serverInfo?.name).toMatch(/everything/i);
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('echo');
      expect(textOf(await client.callTool('echo', { message: 'hi' }))).toBe('Echo: hi');
    } finally {
      await client.close();
    }
  });

  it('registers the tasks extension, so a 2026-07-28 server may answer with a task, and runs a task tool of a 2025-11-25 one', async () => {
    const client = await createClient({ command: everything.command, args: everything.args }, { name: 'everything' });
    try {
      expect(client.session?.clientCapabilities.extensions).toHaveProperty(['io.modelcontextprotocol/tasks']);
      expect(textOf(await client.callTool('simulate-research-query', { topic: 'tides' }))).toContain('# Research Report: tides');
    } finally {
      await client.close();
    }
  });

  it('connects a server of a loaded config, giving it the env of the config with ${VAR} expanded', async () => {
    using dir = tempDir('stdio');
    dir.write(
      'mcp_servers.json',
      JSON.stringify({
        mcpServers: { everything: { command: everything.command, args: everything.args, env: { GREETING: 'hello ${WHO}' } } },
      }),
    );
    const config = await loadConfig({ cwd: dir.path, env: { WHO: 'world' } });
    const server = config.servers[0];
    if (server === undefined) throw new Error('no server');
    const client = await createClient(server);
    try {
      expect(textOf(await client.callTool('get-env'))).toContain('"GREETING": "hello world"');
    } finally {
      await client.close();
    }
  });

  it("applies the server's requestTimeoutMs to its requests, naming it in the error", async () => {
    const client = await createClient({ command: everything.command, args: everything.args, requestTimeoutMs: 300 });
    try {
      const error: unknown = await client
        .callTool('trigger-long-running-operation', { duration: 3, steps: 3 })
        .catch((caught: unknown) => caught);
      expect(RequestTimeoutError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ method: 'tools/call', timeoutMs: 300 });
      expect((error as Error).message).toContain("raise `requestTimeoutMs` in the server's config if the server is just slow");
    } finally {
      await client.close();
    }
  });

  it('does not let requestTimeoutMs cap the handshake, which connectTimeoutMs governs', async () => {
    // No handshake with a real process fits in 1 ms; before, the request timeout applied to it.
    const client = await createClient({ command: everything.command, args: everything.args, requestTimeoutMs: 1 });
    try {
      expect(client.state).toBe('connected');
    } finally {
      await client.close();
    }
  });

  it('reaches a legacy server that exits on the era probe by starting it again', async () => {
    const client = await createClient(
      { command: process.execPath, args: [join(faultServersDir, 'legacy-server.mjs'), '--on-unknown=exit'] },
      { name: 'strict' },
    );
    try {
      expect(client.session).toMatchObject({ era: 'legacy', serverInfo: { name: 'legacy-server' } });
      await client.ping();
    } finally {
      await client.close();
    }
  });

  it('gives up after connectTimeoutMs on a server that never answers, with a ConnectTimeoutError', async () => {
    const started = Date.now();
    const error: unknown = await createClient(
      { command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], connectTimeoutMs: 500 },
      { name: 'silent' },
    ).catch((caught: unknown) => caught);
    expect(ConnectTimeoutError.isInstance(error)).toBe(true);
    expect((error as ConnectTimeoutError).server).toBe('silent');
    expect((error as Error).message).toContain("raise `connectTimeoutMs` in the server's config if it is just slow");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops connecting when the signal aborts, with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('user gave up');
    setTimeout(() => controller.abort(reason), 200);
    const error: unknown = await createClient(
      { command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] },
      { signal: controller.signal },
    ).catch((caught: unknown) => caught);
    expect(error).toBe(reason);
  });

  it('refuses an invalid entry with every problem, before starting anything', async () => {
    const error: unknown = await createClient({ command: '', args: 'x' } as never, { name: 'broken' }).catch((caught: unknown) => caught);
    expect(ConfigValidationError.isInstance(error)).toBe(true);
    expect((error as ConfigValidationError).problems.map((problem) => [problem.server, problem.field])).toEqual([
      ['broken', 'command'],
      ['broken', 'args'],
    ]);
  });

  it('refuses a disabled server of a config whose variables are not set, naming the file, server and field', async () => {
    using dir = tempDir('deferred');
    dir.write('mcp.json', JSON.stringify({ mcpServers: { later: { enabled: false, command: 'x', env: { TOKEN: '${LATER_TOKEN}' } } } }));
    const config = await loadConfig({ cwd: dir.path, env: {} });
    const error: unknown = await createClient(config.servers[0]!).catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigValidationError).problems).toEqual([
      {
        file: 'mcp.json',
        server: 'later',
        field: 'env.TOKEN',
        message: '${LATER_TOKEN} is not set',
        fix: 'set LATER_TOKEN in the environment, or give a default: ${LATER_TOKEN:-value}',
      },
    ]);
  });
});
