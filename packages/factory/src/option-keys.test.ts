import { ConfigError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { createClient } from './client/create-client.js';
import { discoverConfig } from './config/discover.js';
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
    await expect(createRegistry({ mcpServers: {} }, { conect: false } as never)).rejects.toThrow('createRegistry(config, options): unknown option "conect"; did you mean "connect"?');
  });

  it('are refused by loadConfig, validateConfig and discoverConfig', async () => {
    await expect(loadConfig({ paht: 'x.json' } as never)).rejects.toThrow('loadConfig(options): unknown option "paht"; did you mean "path"?');
    expect(() => validateConfig({ mcpServers: {} }, { fromat: 'json' } as never)).toThrow('validateConfig(input, options): unknown option "fromat"; did you mean "format"?');
    expect(() => discoverConfig({ home: '/tmp' } as never)).toThrow('discoverConfig(options): unknown option "home"');
  });
});
