import { ConfigError, type McpClient } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { RegistryClosedError, ServerNotFoundError, ServerUnavailableError } from '../src/index.js';
import { fakeServer, settle, text, useRegistries } from './helpers.js';

const open = useRegistries();

describe('registering servers', () => {
  it('lists servers in registration order and gets them by name, disconnected until connected', () => {
    const { registry } = open();
    registry.register({ name: 'beta', connect: fakeServer('beta').connect, tags: ['remote'] });
    registry.register({ name: 'alpha', connect: fakeServer('alpha').connect, enabled: false });
    expect(registry.list().map((server) => [server.name, server.state, server.enabled])).toEqual([
      ['beta', 'disconnected', true],
      ['alpha', 'disabled', false],
    ]);
    expect(registry.get('beta')).toMatchObject({
      name: 'beta',
      tags: ['remote'],
      toolPrefix: 'beta',
      client: undefined,
      breaker: 'closed',
    });
    expect(registry.get('gamma')).toBeUndefined();
    expect(registry.list({ tag: 'remote' }).map((server) => server.name)).toEqual(['beta']);
    expect(registry.connected()).toEqual([]);
  });

  it('refuses a second server of the same name', () => {
    const { registry } = open();
    registry.register({ name: 'alpha', connect: fakeServer('alpha').connect });
    expect(() => registry.register({ name: 'alpha', connect: fakeServer('alpha').connect })).toThrow(/server "alpha".*already registered/);
  });

  it('refuses invalid settings with a ConfigError naming the server and the field', () => {
    const { registry } = open();
    const connect = fakeServer('x').connect;
    const attempts: Array<[() => unknown, RegExp]> = [
      [() => registry.register({ name: '', connect }), /"name" must be a non-empty string/],
      [() => registry.register({ name: 'x', connect: undefined as never }), /server "x".*"connect" must be a function/],
      [() => registry.register({ name: 'x', connect, connectTimeoutMs: 0 }), /"connectTimeoutMs" must be a positive number/],
      [
        () => registry.register({ name: 'x', connect, health: { failureThreshold: 0 } }),
        /"health.failureThreshold" must be a whole number/,
      ],
      [() => registry.register({ name: 'x', connect, breaker: { failureThreshold: 1.5 } }), /"breaker.failureThreshold"/],
    ];
    for (const [attempt, message] of attempts) {
      let caught: unknown;
      try {
        attempt();
      } catch (error) {
        caught = error;
      }
      expect(ConfigError.isInstance(caught)).toBe(true);
      expect((caught as Error).message).toMatch(message);
    }
    expect(registry.list()).toEqual([]);
  });

  it('names the registered servers when asked for an unknown one', async () => {
    const { registry } = open();
    registry.register({ name: 'alpha', connect: fakeServer('alpha').connect });
    const error = await registry.connect('alhpa').catch((e: unknown) => e);
    expect(ServerNotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/server "alhpa".*"alpha"/);
    expect(() => registry.stats('nope')).toThrow(ServerNotFoundError);
  });

  it('connects one server, hands out its live client, and lists it as connected', async () => {
    const { registry, events } = open();
    const alpha = fakeServer('alpha');
    const view = registry.register({ name: 'alpha', connect: alpha.connect });
    const outcome = await registry.connect('alpha');
    expect(outcome).toMatchObject({ server: 'alpha', ok: true, state: 'connected' });
    expect(view.state).toBe('connected');
    expect(view.client?.serverInfo?.name).toBe('alpha');
    expect(registry.connected().map((server) => server.name)).toEqual(['alpha']);
    expect(events.states('alpha')).toEqual(['connecting', 'connected']);
    expect(await registry.connect('alpha')).toMatchObject({ ok: true, state: 'connected' });
    expect(alpha.instances).toHaveLength(1);
  });

  it('unregisters a server: closes its connection and forgets it', async () => {
    const { registry, events } = open();
    const alpha = fakeServer('alpha');
    registry.register({ name: 'alpha', connect: alpha.connect });
    await registry.connect('alpha');
    const client = registry.get('alpha')?.client;
    await registry.unregister('alpha');
    expect(client?.state).toBe('closed');
    expect(registry.get('alpha')).toBeUndefined();
    expect(events.states('alpha')).toEqual(['connecting', 'connected', 'disconnected']);
    await expect(registry.unregister('alpha')).rejects.toThrow(ServerNotFoundError);
    registry.register({ name: 'alpha', connect: alpha.connect });
    expect(registry.get('alpha')?.state).toBe('disconnected');
  });
});

describe('enabling and disabling at runtime', () => {
  it('disables a server: closes its connection, refuses its calls, and leaves the others alone', async () => {
    const { registry, events } = open();
    registry.register({ name: 'alpha', connect: fakeServer('alpha').connect });
    registry.register({ name: 'beta', connect: fakeServer('beta').connect });
    await registry.connectAll();
    const client = registry.get('alpha')?.client;
    await registry.disable('alpha');
    expect(client?.state).toBe('closed');
    expect(registry.get('alpha')).toMatchObject({ state: 'disabled', enabled: false, client: undefined });
    const refused = await registry.request('alpha', 'ping').catch((e: unknown) => e);
    expect(ServerUnavailableError.isInstance(refused)).toBe(true);
    expect(refused).toMatchObject({ state: 'disabled', server: 'alpha', isRetryable: false });
    expect((refused as Error).message).toMatch(/server "alpha".*disabled; call enable\(\) first/);
    expect(text(await registry.callTool('beta__echo', { message: 'still here' }))).toBe('beta:echo:still here');
    expect(events.states('beta')).toEqual(['connecting', 'connected']);
    expect(registry.stats('alpha').requests.rejected).toBe(1);
  });

  it('enables a disabled server with a fresh connection', async () => {
    const { registry, events } = open();
    const alpha = fakeServer('alpha');
    registry.register({ name: 'alpha', connect: alpha.connect, enabled: false });
    const report = await registry.connectAll();
    expect(report).toMatchObject({ outcomes: [], disabled: ['alpha'] });
    expect(alpha.instances).toHaveLength(0);
    expect(await registry.connect('alpha')).toMatchObject({ ok: false, state: 'disabled', error: { code: 'SERVER_UNAVAILABLE' } });
    expect(await registry.enable('alpha')).toMatchObject({ ok: true, state: 'connected' });
    await registry.disable('alpha');
    await registry.enable('alpha');
    expect(alpha.instances).toHaveLength(2);
    expect(events.states('alpha')).toEqual(['connecting', 'connected', 'disabled', 'connecting', 'connected']);
  });

  it('disabling a server while it connects abandons the attempt and closes the client that arrives late', async () => {
    const { registry } = open();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const alpha = fakeServer('alpha');
    let late: McpClient | undefined;
    registry.register({
      name: 'alpha',
      // A connect() that ignores its signal: the registry must still close what it delivers.
      connect: async () => {
        await gate;
        late = await alpha.connect(new AbortController().signal);
        return late;
      },
    });
    const outcome = registry.connect('alpha');
    await settle();
    await registry.disable('alpha');
    expect(await outcome).toMatchObject({ ok: false, state: 'disabled' });
    release();
    await expect.poll(() => late?.state).toBe('closed');
    expect(registry.get('alpha')).toMatchObject({ state: 'disabled', client: undefined });
  });

  it('refuses everything once closed', async () => {
    const { registry } = open();
    registry.register({ name: 'alpha', connect: fakeServer('alpha').connect });
    await registry.close();
    expect(() => registry.register({ name: 'beta', connect: fakeServer('beta').connect })).toThrow(RegistryClosedError);
    await expect(registry.connectAll()).rejects.toThrow(RegistryClosedError);
    await expect(registry.connect('alpha')).rejects.toThrow(RegistryClosedError);
    await expect(registry.callTool('alpha__echo')).rejects.toThrow(RegistryClosedError);
  });
});
