import { ConfigError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { createClient } from './client/create-client.js';
import { configSearchPaths, discoverConfig, userConfigDir } from './config/discover.js';
import { loadConfig } from './config/load-config.js';
import { validateConfig } from './config/validate-config.js';
import { createRegistry } from './registry/create-registry.js';

const server = { command: process.execPath, args: ['-e', ''] };

describe('unknown options of the factory', () => {
  it('are refused by createClient before anything starts', async () => {
    const error = await createClient(server, { requestTimeoutMs: 300 } as never).catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('createClient(server, options): unknown option "requestTimeoutMs"');
  });

  it('are refused by createRegistry, a misspelt one with its spelling', async () => {
    await expect(createRegistry({ mcpServers: {} }, { conect: false } as never)).rejects.toThrow(
      'createRegistry(config, options): unknown option "conect"; did you mean "connect"?',
    );
  });

  it('are refused by createRegistry in the options of the registry, by their path, with where a misplaced one belongs', async () => {
    await expect(
      createRegistry({ mcpServers: {} }, { registry: { defaults: { health: { intervalMS: 5 } } }, health: false } as never),
    ).rejects.toThrow(
      [
        'createRegistry(config, options): 2 unknown options:',
        '  - unknown option "registry.defaults.health.intervalMS"; did you mean "registry.defaults.health.intervalMs"?',
        '  - unknown option "health"; it belongs under "registry.defaults" (as "registry.defaults.health")',
      ].join('\n'),
    );
  });

  it('are refused by createClient in the options of the client before anything starts', async () => {
    await expect(createClient(server, { client: { requestTimeout: 300 } } as never)).rejects.toThrow(
      'createClient(server, options): unknown option "client.requestTimeout"; did you mean "client.requestTimeoutMs"?',
    );
  });

  it("point a server's setting given with the options at the server's entry", async () => {
    await expect(createClient(server, { command: 'node' } as never)).rejects.toThrow(
      `createClient(server, options): unknown option "command"; it is a server's setting: write it in the server's entry (the config, or the first argument)`,
    );
  });

  it('are refused by loadConfig, validateConfig and discoverConfig', async () => {
    await expect(loadConfig({ paht: 'x.json' } as never)).rejects.toThrow(
      'loadConfig(options): unknown option "paht"; did you mean "path"?',
    );
    expect(() => validateConfig({ mcpServers: {} }, { fromat: 'json' } as never)).toThrow(
      'validateConfig(input, options): unknown option "fromat"; did you mean "format"?',
    );
    expect(() => discoverConfig({ home: '/tmp' } as never)).toThrow('discoverConfig(options): unknown option "home"');
    expect(() => configSearchPaths({ platfrom: 'linux' } as never)).toThrow(
      'configSearchPaths(options): unknown option "platfrom"; did you mean "platform"?',
    );
    expect(() => userConfigDir({ homeDir: '/tmp' } as never)).toThrow(
      'userConfigDir(options): unknown option "homeDir"; did you mean "homedir"?',
    );
  });
});
