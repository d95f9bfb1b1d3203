import { afterEach, describe, expect, it, vi } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { ConnectTimeoutError } from '../errors/connect-timeout-error.js';
import type { Era, EraStore } from './era-cache.js';
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
  const clients: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  async function freshClient(options: ConstructorParameters<typeof McpClient>[0]): Promise<McpClient> {
    vi.resetModules();
    vi.doMock('../modern/modern-session.js', () => new Promise<never>(() => undefined));
    const { McpClient: FreshClient } = await import('../client/mcp-client.js');
    const client = new FreshClient(options);
    clients.push(client);
    return client;
  }

  it('gives up at the connect timeout, having sent the server nothing', async () => {
    const client = await freshClient({ era: 'modern', eraCache: false });
    const server = new FakeServer({ modernVersions: ['2026-07-28'] });
    const error: unknown = await client.connect(server.clientTransport, { timeoutMs: 200 }).catch((caught: unknown) => caught);
    expect(ConnectTimeoutError.isInstance(error)).toBe(true);
    expect(client.state).not.toBe('connected');
    expect(server.requests('server/discover')).toEqual([]);
  });

  it('fails the connect when the client is closed meanwhile, without starting the server again or caching an era', async () => {
    const eras = new Map<string, Era>();
    const cache: EraStore = {
      get: (key) => eras.get(key),
      set: (key, era) => void eras.set(key, era),
      delete: (key) => void eras.delete(key),
    };
    const client = await freshClient({ era: 'auto', eraCache: cache });
    let made = 0;
    const connecting = client
      .connect(() => {
        made++;
        return new FakeServer({ modernVersions: ['2026-07-28'] }).clientTransport;
      })
      .catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(client.state).toBe('connecting'), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.close();
    const error = await connecting;
    expect(error).toMatchObject({ name: 'ConnectionClosedError' });
    expect(client.state).toBe('closed');
    expect(made).toBe(1);
    expect([...eras]).toEqual([]);
  });
});
