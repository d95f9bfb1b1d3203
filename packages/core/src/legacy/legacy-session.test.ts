import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { FakeServer } from '../testing/fake-server.js';
import type { Transport } from '../transport.js';

/** The client end of a fake, as the transport contract sees it. */
const end = (server: FakeServer): Transport => server.clientTransport;

describe('a legacy session the server ended', () => {
  it('is started again through the transport: initialize with the first parameters, then initialized', async () => {
    const server = new FakeServer();
    const client = new McpClient({ era: 'legacy', name: 'renewing', version: '1.0.0' });
    await client.connect(server.clientTransport);
    const renew = end(server).onsessionexpired;
    expect(renew).toBeTypeOf('function');
    await renew?.();
    const [firstInit, secondInit] = server.requests('initialize');
    expect(secondInit).toEqual(firstInit);
    expect(server.notifications('notifications/initialized')).toHaveLength(2);
    expect(client.state).toBe('connected');
  });

  it('is refused when the new session speaks another revision than the one negotiated', async () => {
    const server = new FakeServer();
    const client = new McpClient({ era: 'legacy', server: 'drifting' });
    await client.connect(server.clientTransport);
    server.handle('initialize', () => ({
      protocolVersion: '2025-06-18',
      capabilities: {},
      serverInfo: { name: 'fake-server', version: '2.0.0' },
    }));
    await expect(end(server).onsessionexpired?.()).rejects.toThrow(
      /the new session speaks protocol revision 2025-06-18, the client negotiated 2025-11-25/,
    );
  });

  it('is no concern of a 2026-07-28 connection, which has no session', async () => {
    const server = new FakeServer({ modernVersions: ['2026-07-28'] });
    await new McpClient({ eraCache: false }).connect(server.clientTransport);
    expect(end(server).onsessionexpired).toBeUndefined();
  });
});
