import { afterEach, describe, expect, it, vi } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { ConfigError } from '../errors/config-error.js';
import { FakeServer } from '../testing/fake-server.js';

// As a damaged install would: the modern era's session module fails to load.
vi.mock('../modern/modern-session.js', () => {
  throw new Error('unexpected end of file');
});

describe('an era session module that fails to load', () => {
  const clients: McpClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  it('is a ConfigError from connect() that says what failed to load and what to do', async () => {
    const client = new McpClient({ server: 'fresh', era: 'modern', eraCache: false });
    clients.push(client);
    const error: unknown = await client
      .connect(new FakeServer({ modernVersions: ['2026-07-28'] }).clientTransport)
      .catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).message).toMatch(
      /modern-era session code failed to load \(.+\); restart the process, and reinstall @mcpx\/core if it fails again$/,
    );
    expect((error as ConfigError).server).toBe('fresh');
    expect((error as ConfigError).cause).toBeInstanceOf(Error);
  });

  it('is not taken for a legacy server when the modern probe succeeded', async () => {
    const client = new McpClient({ era: 'auto', eraCache: false });
    clients.push(client);
    const error: unknown = await client
      .connect(new FakeServer({ modernVersions: ['2026-07-28'] }).clientTransport)
      .catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).message).toContain('modern-era session code failed to load');
  });

  it('does not stop a legacy server from connecting with era auto, although both eras start loading', async () => {
    const client = new McpClient({ era: 'auto', eraCache: false });
    clients.push(client);
    await client.connect(new FakeServer().clientTransport);
    expect(client.state).toBe('connected');
    expect(client.protocolVersion).toBeDefined();
  });
});
