import { ConfigError, type McpClient } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { McpRegistry } from './registry.js';
import type { McpRegistryOptions, ServerConfig } from './options.js';

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
    expect((error as Error).message).toBe('new McpRegistry(options): unknown option "defaults.health.intervalMS"; did you mean "defaults.health.intervalMs"?');
  });

  it('are refused when registering a server, naming it', async () => {
    const registry = new McpRegistry();
    const server = { name: 'alpha', connect, toolPrefx: 'a' } as unknown as ServerConfig;
    expect(() => registry.register(server)).toThrow('server "alpha": register(server): unknown option "toolPrefx"; did you mean "toolPrefix"?');
    await registry.close();
  });

  it('are refused by close() without closing anything', async () => {
    const registry = new McpRegistry();
    await expect(registry.close({ deadline: 5 } as never)).rejects.toThrow('McpRegistry.close(options): unknown option "deadline"; did you mean "deadlineMs"?');
    expect(() => registry.register({ name: 'still-open', connect })).not.toThrow();
    await registry.close();
  });
});
