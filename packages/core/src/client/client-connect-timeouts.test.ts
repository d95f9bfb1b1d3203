import { describe, expect, it } from 'vitest';
import { ConnectTimeoutError } from '../errors/connect-timeout-error.js';
import { RequestTimeoutError } from '../errors/request-timeout-error.js';
import { FakeServer } from '../testing/fake-server.js';
import { McpClient } from './mcp-client.js';

const after = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));
const never = (): Promise<never> => new Promise(() => undefined);

describe('the timeouts of connecting and of requests', () => {
  it('does not let a short requestTimeoutMs fail an initialize that takes longer', async () => {
    const server = new FakeServer();
    server.handle('initialize', (params) =>
      after(300, { protocolVersion: params.protocolVersion, capabilities: {}, serverInfo: { name: 'slow', version: '1.0.0' } }),
    );
    const client = new McpClient({ era: 'legacy', requestTimeoutMs: 50, eraCache: false });
    const session = await client.connect(server.clientTransport);
    expect(session.serverInfo.name).toBe('slow');
    expect(client.state).toBe('connected');
    await client.close();
  });

  it('does not let a short requestTimeoutMs cut the era probe short', async () => {
    const server = new FakeServer({ modernVersions: ['2026-07-28'] });
    server.handle('server/discover', () => after(300, { resultType: 'complete', supportedVersions: ['2026-07-28'], capabilities: {} }));
    const client = new McpClient({ requestTimeoutMs: 50, eraCache: false });
    const session = await client.connect(server.clientTransport);
    expect(session.era).toBe('modern');
    expect(server.requests('initialize')).toEqual([]);
    await client.close();
  });

  it('applies requestTimeoutMs to the requests after the handshake, naming it in the error', async () => {
    const server = new FakeServer();
    server.handle('tools/list', never);
    const client = new McpClient({ requestTimeoutMs: 50, eraCache: false });
    await client.connect(server.clientTransport);
    const error: unknown = await client.listTools().catch((caught: unknown) => caught);
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ method: 'tools/list', timeoutMs: 50 });
    expect((error as Error).message).toContain('raise `requestTimeoutMs`');
    await client.close();
  });

  it('gives up connecting after connectTimeoutMs, whatever requestTimeoutMs says, with a ConnectTimeoutError naming the option', async () => {
    const server = new FakeServer();
    server.handle('initialize', never);
    const client = new McpClient({ server: 'stuck', era: 'legacy', connectTimeoutMs: 200, requestTimeoutMs: 60_000, eraCache: false });
    const error: unknown = await client.connect(server.clientTransport).catch((caught: unknown) => caught);
    expect(ConnectTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ server: 'stuck', timeoutMs: 200, setting: '`connectTimeoutMs`' });
    expect((error as Error).message).toMatch(/^server "stuck": did not connect within 200 ms; .*raise `connectTimeoutMs`/);
    expect(client.state).toBe('closed');
  });

  it('ends a probe that timed out and an initialize that never answers at the one connect deadline', async () => {
    const server = new FakeServer();
    server.handle('server/discover', never);
    server.handle('initialize', never);
    const client = new McpClient({ connectTimeoutMs: 3000, probeTimeoutMs: 200, eraCache: false });
    const error: unknown = await client.connect(server.clientTransport).catch((caught: unknown) => caught);
    expect(ConnectTimeoutError.isInstance(error)).toBe(true);
    expect(server.requests('initialize')).toHaveLength(1);
  });

  it("lets connect()'s own timeout win over connectTimeoutMs", async () => {
    const server = new FakeServer();
    server.handle('initialize', never);
    const client = new McpClient({ era: 'legacy', connectTimeoutMs: 600_000, eraCache: false });
    const error: unknown = await client.connect(server.clientTransport, { timeoutMs: 100 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'CONNECT_TIMEOUT', timeoutMs: 100 });
  });

  it('names the settings of the layer above in its timeout errors', async () => {
    const server = new FakeServer();
    server.handle('tools/list', never);
    server.handle('prompts/list', () => never());
    const settingNames = {
      requestTimeoutMs: '--timeout',
      maxTotalTimeoutMs: 'maxTotalTimeoutMs in the config',
      connectTimeoutMs: '--connect-timeout',
    };
    const client = new McpClient({ requestTimeoutMs: 50, eraCache: false, settingNames });
    await client.connect(server.clientTransport);
    await expect(client.listTools()).rejects.toThrow(/no response within 50 ms; raise --timeout if/);
    await expect(client.listPrompts({ timeoutMs: 10_000, maxTotalTimeoutMs: 50 })).rejects.toThrow(
      /raise maxTotalTimeoutMs in the config if/,
    );
    await client.close();

    const stuck = new FakeServer();
    stuck.handle('initialize', never);
    const late = new McpClient({ era: 'legacy', connectTimeoutMs: 100, eraCache: false, settingNames });
    await expect(late.connect(stuck.clientTransport)).rejects.toThrow(/raise --connect-timeout if/);
  });
});
