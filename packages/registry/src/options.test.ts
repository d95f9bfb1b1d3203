import { ConfigError, type McpClient } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { McpRegistry } from './registry.js';
import { pingCheck, type HealthOptions } from './health-monitor.js';
import type { McpRegistryOptions, ServerRegistration } from './options.js';

const connect = (): Promise<McpClient> => Promise.reject(new Error('not connected in these tests'));

describe('unknown registry options', () => {
  it('are refused at the top level with the place each belongs, instead of silently waiting the default', () => {
    const options = { breaker: { failureThreshold: 2 }, health: false, requestTimeoutMs: 300 } as unknown as McpRegistryOptions;
    expect(() => new McpRegistry(options)).toThrow(
      [
        'new McpRegistry(options): 3 unknown options:',
        '  - unknown option "breaker"; it belongs under "defaults" (as "defaults.breaker")',
        '  - unknown option "health"; it belongs under "defaults" (as "defaults.health")',
        '  - unknown option "requestTimeoutMs"; it belongs under "defaults" (as "defaults.requestTimeoutMs")',
      ].join('\n'),
    );
  });

  it('are refused inside defaults, by their path', () => {
    const options = { defaults: { health: { intervalMS: 1000 } } } as unknown as McpRegistryOptions;
    const error = (() => {
      try {
        new McpRegistry(options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'new McpRegistry(options): unknown option "defaults.health.intervalMS"; did you mean "defaults.health.intervalMs"?',
    );
  });

  it('are refused when registering a server, naming it', async () => {
    const registry = new McpRegistry();
    const server = { name: 'alpha', connect, toolPrefx: 'a' } as unknown as ServerRegistration;
    expect(() => registry.register(server)).toThrow(
      'server "alpha": register(server): unknown option "toolPrefx"; did you mean "toolPrefix"?',
    );
    await registry.close();
  });

  it('are refused by close() without closing anything', async () => {
    const registry = new McpRegistry();
    await expect(registry.close({ deadline: 5 } as never)).rejects.toThrow(
      'McpRegistry.close(options): unknown option "deadline"; did you mean "deadlineMs"?',
    );
    expect(() => registry.register({ name: 'still-open', connect })).not.toThrow();
    await registry.close();
  });

  it('point servers given to the constructor at register()', () => {
    expect(() => new McpRegistry({ servers: [{ name: 'alpha', connect }] } as never)).toThrow(
      'new McpRegistry(options): unknown option "servers"; register each server with registry.register({ name, connect })',
    );
  });

  it('point a transport given to register() at its connect function', async () => {
    const registry = new McpRegistry();
    expect(() => registry.register({ name: 'alpha', transport: {} } as unknown as ServerRegistration)).toThrow(
      'server "alpha": register(server): unknown option "transport"; register() takes connect, a function (signal) => Promise<McpClient> that builds the transport and the client',
    );
    await registry.close();
  });

  it('are refused by list(), which would otherwise list every server', async () => {
    const registry = new McpRegistry();
    registry.register({ name: 'alpha', connect, tags: ['prod'] });
    expect(() => registry.list({ tags: 'prod' } as never)).toThrow('McpRegistry.list(filter): unknown option "tags"; did you mean "tag"?');
    await registry.close();
  });

  it('are refused by the catalog lists', async () => {
    const registry = new McpRegistry();
    await expect(registry.listTools({ fresh: true } as never)).rejects.toThrow(
      'McpRegistry.listTools(options): unknown option "fresh"; did you mean "refresh"?',
    );
    await registry.close();
  });
});

describe('health options', () => {
  it('refuse a jitter outside 0 to 1, naming the server and the field', async () => {
    const registry = new McpRegistry();
    expect(() => registry.register({ name: 'alpha', connect, health: { jitter: 1.5 } })).toThrow(
      'server "alpha": register(): "health.jitter" must be a share from 0 to 1, got 1.5',
    );
    expect(() => registry.register({ name: 'beta', connect, health: { jitter: 1 } })).not.toThrow();
    await registry.close();
  });

  it('take a full set of options written before jitter existed, and options that leave jitter and random undefined', async () => {
    const registry = new McpRegistry();
    const health: HealthOptions = {
      intervalMs: 1000,
      degradedIntervalMs: 500,
      timeoutMs: 200,
      degradedLatencyMs: 100,
      failureThreshold: 2,
      check: pingCheck,
    };
    expect(registry.register({ name: 'alpha', connect, health }).name).toBe('alpha');
    expect(registry.register({ name: 'beta', connect, health: { jitter: undefined, random: undefined } }).name).toBe('beta');
    await registry.close();
  });
});
