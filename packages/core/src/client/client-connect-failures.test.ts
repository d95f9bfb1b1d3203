import { describe, expect, it } from 'vitest';
import { EraCache } from '../era/era-cache.js';
import { CancelledError } from '../errors/cancelled-error.js';
import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import { FakeServer } from '../testing/fake-server.js';
import { McpClient } from './mcp-client.js';

const never = (): Promise<never> => new Promise(() => undefined);

/** A legacy server that dies when probed, as a process that exits on a method it does not know. */
function diesOnProbe(): FakeServer {
  const server = new FakeServer();
  server.handle('server/discover', () => {
    server.crash(new ConnectionClosedError('the server process exited unexpectedly', { exitCode: 1 }));
    return never();
  });
  return server;
}

describe('a failure while connecting', () => {
  it('speaks of connecting, keeping the step that failed in method and cause', async () => {
    const client = new McpClient({ server: 'strict', eraCache: false });
    const error: unknown = await client.connect(diesOnProbe().clientTransport).catch((caught: unknown) => caught);
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    const closed = error as ConnectionClosedError;
    expect(closed.message).toMatch(/^server "strict", connecting: the server process exited during the handshake \(exit code 1\)/);
    expect(closed.message).not.toContain('server/discover');
    expect(closed).toMatchObject({ operation: 'connecting', method: 'server/discover', exitCode: 1 });
    expect(ConnectionClosedError.isInstance(closed.cause)).toBe(true);
    expect(client.state).toBe('closed');
  });

  it('says how to reach a server that the probe ends when connect() was given a transport it cannot start again', async () => {
    const error: unknown = await new McpClient({ eraCache: false })
      .connect(diesOnProbe().clientTransport)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("pin era 'legacy'");
    expect((error as Error).message).toContain('give connect() a function that creates the transport');
  });

  it('opens a new connection with initialize when the probe ended the first, and remembers the era', async () => {
    const cache = new EraCache();
    const servers = [diesOnProbe(), new FakeServer()];
    const key = servers[0]!.clientTransport.description;
    const client = new McpClient({ eraCache: cache });
    const session = await client.connect(() => servers.shift()!.clientTransport);
    expect(session.era).toBe('legacy');
    expect(client.state).toBe('connected');
    expect(servers).toEqual([]);
    expect(cache.get(key)).toBe('legacy');
    await client.ping();
    await client.close();
  });

  it('moves from connecting to connected only, even when the first connection was ended by the probe', async () => {
    const servers = [diesOnProbe(), new FakeServer()];
    const client = new McpClient({ eraCache: false });
    const states: string[] = [];
    client.on('state', (change) => states.push(change.to));
    await client.connect(() => servers.shift()!.clientTransport);
    expect(states).toEqual(['connecting', 'connected']);
    await client.close();
  });

  it('names connecting when the caller aborts it', async () => {
    const server = new FakeServer();
    server.handle('server/discover', never);
    const controller = new AbortController();
    const connecting = new McpClient({ server: 'slow', eraCache: false }).connect(server.clientTransport, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 50);
    const error: unknown = await connecting.catch((caught: unknown) => caught);
    expect(CancelledError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('server "slow", connecting: request cancelled: user gave up');
    expect((error as CancelledError).method).toBe('server/discover');
  });
});
