import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionClosedError, EraCache, McpClient } from '@mcpx/core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StdioTransport } from '../src/index.js';
import { faultServer } from './helpers.js';

// Older servers of the initialize era that die or babble on a method they do not know: the
// server/discover probe must not make them unreachable.
const dir = mkdtempSync(join(tmpdir(), 'mcpx-legacy-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const clients: McpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

let logs = 0;
/** The legacy server with `flags`, logging to a file of its own (so its command line, the era cache key, is unique). */
function legacyServer(...flags: string[]): { options: { command: string; args: string[] }; events: () => string[] } {
  const log = join(dir, `server-${++logs}.log`);
  return {
    options: faultServer('legacy-server', ...flags, `--log=${log}`),
    events: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as { event: string; method?: string })
            .map((entry) => entry.method ?? entry.event)
        : [],
  };
}

function client(options: ConstructorParameters<typeof McpClient>[0] = {}): McpClient {
  const created = new McpClient({ eraCache: new EraCache(), ...options });
  clients.push(created);
  return created;
}

describe('a legacy server that exits on the era probe', () => {
  it('is started again and reached with initialize, and its era is remembered for its command line', async () => {
    const server = legacyServer('--on-unknown=exit');
    const cache = new EraCache();
    const description = new StdioTransport(server.options).description;
    const first = client({ eraCache: cache });
    const session = await first.connect(() => new StdioTransport(server.options));
    expect(session).toMatchObject({ era: 'legacy', serverInfo: { name: 'legacy-server' } });
    await first.ping(); // once answered, the server has logged everything before it
    expect(server.events()).toEqual(['start', 'server/discover', 'start', 'initialize', 'notifications/initialized', 'ping']);
    expect(cache.get(description)).toBe('legacy');

    const second = client({ eraCache: cache });
    await second.connect(() => new StdioTransport(server.options));
    await second.ping();
    expect(server.events().slice(6)).toEqual(['start', 'initialize', 'notifications/initialized', 'ping']);
  });

  it('answers requests on the new process', async () => {
    const server = legacyServer('--on-unknown=exit');
    const connected = client();
    await connected.connect(() => new StdioTransport(server.options));
    const { tools } = await connected.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['noop']);
  });

  it('says how to reach it when connect() was given a transport, which cannot be started twice', async () => {
    const server = legacyServer('--on-unknown=exit');
    const error: unknown = await client({ server: 'strict' })
      .connect(new StdioTransport({ ...server.options, stderr: 'pipe' }))
      .catch((caught: unknown) => caught);
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^server "strict", connecting: the server process exited during the handshake \(exit code 1\); .*pin era 'legacy'/,
    );
    expect(message).toContain('fatal: unknown method server/discover');
    expect(message.split('\n')[0]).not.toContain('server/discover');
    expect((error as ConnectionClosedError).method).toBe('server/discover');
  });

  it('is not probed at all with era pinned to legacy', async () => {
    const server = legacyServer('--on-unknown=exit');
    const pinned = client({ era: 'legacy' });
    await pinned.connect(new StdioTransport(server.options));
    await pinned.ping();
    expect(server.events()).toEqual(['start', 'initialize', 'notifications/initialized', 'ping']);
  });
});

describe('a legacy server that mishandles the era probe without exiting', () => {
  it('is started again when it closes its stdout on the probe', async () => {
    const server = legacyServer('--on-unknown=close-stdout');
    const session = await client().connect(() => new StdioTransport(server.options));
    expect(session.era).toBe('legacy');
    expect(server.events().filter((event) => event === 'start')).toHaveLength(2);
  });

  it('gets initialize on the same process when it answers the probe with a line that is not JSON', async () => {
    const server = legacyServer('--on-unknown=garbage');
    const connected = client();
    const stray: string[] = [];
    connected.on('diagnostic', (event) => {
      if (event.type === 'non-json') stray.push(event.line);
    });
    const session = await connected.connect(() => new StdioTransport(server.options));
    expect(session.era).toBe('legacy');
    await connected.ping();
    expect(server.events()).toEqual([
      'start',
      'server/discover',
      'notifications/cancelled',
      'initialize',
      'notifications/initialized',
      'ping',
    ]);
    expect(stray).toEqual(['Unknown method: server/discover']);
  });

  it('gets initialize on the same process when it answers the probe with JSON that is no JSON-RPC message', async () => {
    const server = legacyServer('--on-unknown=json-garbage');
    const session = await client().connect(() => new StdioTransport(server.options));
    expect(session.era).toBe('legacy');
    expect(server.events().filter((event) => event === 'start')).toHaveLength(1);
  });
});
