import { afterEach, describe, expect, it, vi } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { ConnectTimeoutError } from '../errors/connect-timeout-error.js';
import { FakeServer } from '../testing/fake-server.js';

// The modern era's session module loads only when the test lets it, as on a slow disk.
const gate = vi.hoisted(() => {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open() };
});
vi.mock('../modern/modern-session.js', async (original) => {
  await gate.opened;
  return original();
});

describe('a connection whose era session code is still loading', () => {
  const clients: McpClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  it('sends nothing to the server before the code has loaded', async () => {
    const server = new FakeServer({ modernVersions: ['2026-07-28'] });
    const client = new McpClient({ era: 'modern', eraCache: false });
    clients.push(client);
    const connected = client.connect(server.clientTransport, { timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests('server/discover')).toEqual([]);
    gate.open();
    await connected;
    expect(client.state).toBe('connected');
    expect(server.requests('server/discover')).toHaveLength(1);
  });
});

describe('a connection whose era session code never loads', () => {
  it('gives up at the connect timeout, not after the code has loaded', async () => {
    vi.resetModules();
    const held = new Promise<never>(() => undefined);
    vi.doMock('../modern/modern-session.js', () => held);
    const { McpClient: FreshClient } = await import('../client/mcp-client.js');
    const client = new FreshClient({ era: 'modern', eraCache: false });
    const error: unknown = await client
      .connect(new FakeServer({ modernVersions: ['2026-07-28'] }).clientTransport, { timeoutMs: 200 })
      .catch((caught: unknown) => caught);
    expect(ConnectTimeoutError.isInstance(error)).toBe(true);
    expect(client.state).not.toBe('connected');
    await client.close();
  });
});
