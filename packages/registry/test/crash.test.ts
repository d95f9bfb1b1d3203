import { ConnectionClosedError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { ServerUnavailableError } from '../src/index.js';
import { fakeServer, text, useRegistries } from './helpers.js';

const open = useRegistries();

/** A server process that dies on every third tool call it gets. */
function crashingEveryThirdCall(name: string): ReturnType<typeof fakeServer> {
  return fakeServer(name, (server) => {
    let calls = 0;
    server.handle('tools/call', () => {
      if (++calls % 3 === 0) {
        server.crash(new ConnectionClosedError('the server process exited', { exitCode: 1 }));
        return new Promise(() => undefined);
      }
      return { content: [{ type: 'text', text: `${name}:ok` }] };
    });
  });
}

describe('a server that crashes every few calls', () => {
  it('is reconnected after each crash while the other server keeps working, and the fatal call is never replayed', async () => {
    const { registry, clock, events } = open({ defaults: { reconnect: () => 1000 } });
    const crashy = crashingEveryThirdCall('crashy');
    registry.register({ name: 'crashy', connect: crashy.connect });
    registry.register({ name: 'steady', connect: fakeServer('steady').connect });
    await registry.connectAll();

    for (let round = 1; round <= 3; round++) {
      expect(text(await registry.callTool('crashy__echo'))).toBe('crashy:ok');
      expect(text(await registry.callTool('crashy__echo'))).toBe('crashy:ok');
      const reconnecting = events.reaches('crashy', 'reconnecting');
      const fatal = await registry.callTool('crashy__echo').catch((e: unknown) => e);
      expect(ConnectionClosedError.isInstance(fatal)).toBe(true);
      await reconnecting;

      const refused = await registry.callTool('crashy__echo').catch((e: unknown) => e);
      expect(ServerUnavailableError.isInstance(refused)).toBe(true);
      expect(refused).toMatchObject({ server: 'crashy', state: 'reconnecting', isRetryable: true });
      expect(text(await registry.callTool('steady__echo', { message: String(round) }))).toBe(`steady:echo:${round}`);

      await clock.advance(1000);
      expect(registry.get('crashy')?.state).toBe('connected');
      expect(crashy.instances).toHaveLength(round + 1);
      expect(crashy.latest.requests('tools/call')).toEqual([]);
    }

    expect(crashy.instances.slice(0, 3).map((server) => server.requests('tools/call').length)).toEqual([3, 3, 3]);
    expect(registry.stats('crashy')).toMatchObject({ reconnects: 3, state: 'connected' });
    // Six tool calls and one tools/list answered, three calls lost with their connection, three refused.
    expect(registry.stats('crashy').requests).toMatchObject({ total: 10, succeeded: 7, failed: 3, rejected: 3, inFlight: 0 });
    expect(events.states('steady')).toEqual(['connecting', 'connected']);
    expect(events.states('crashy')).toEqual([
      'connecting',
      'connected',
      ...Array.from({ length: 3 }, () => ['reconnecting', 'connected']).flat(),
    ]);
  });

  it('rejects a call in flight when the connection drops, and does not send it again on the new connection', async () => {
    const { registry, clock, events } = open({ defaults: { reconnect: () => 500 } });
    const slow = fakeServer('slow', (server, index) => {
      if (index === 0) server.handle('tools/call', () => new Promise(() => undefined));
    });
    registry.register({ name: 'slow', connect: slow.connect });
    await registry.connectAll();
    const inFlight = registry.callTool('slow__echo', { message: 'only once' }).catch((e: unknown) => e);
    await expect.poll(() => slow.latest.requests('tools/call').length).toBe(1);
    slow.latest.crash(new Error('killed'));
    const error = await inFlight;
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    expect(slow.instances[0]?.requests('tools/call')).toHaveLength(1);
    const reconnected = events.reaches('slow', 'connected');
    await clock.advance(500);
    await reconnected;
    expect(slow.instances).toHaveLength(2);
    expect(slow.instances[1]?.requests('tools/call')).toEqual([]);
    expect(registry.stats('slow').requests.inFlight).toBe(0);
  });

  it('marks a server failed when its connection drops and reconnection is off', async () => {
    const { registry, events } = open();
    const once = fakeServer('once');
    registry.register({ name: 'once', connect: once.connect, reconnect: false });
    await registry.connectAll();
    const failed = events.reaches('once', 'failed');
    once.latest.crash(new Error('segfault'));
    expect((await failed).reason).toMatch(/connection lost: .*segfault.*reconnection is off/);
    expect(once.instances).toHaveLength(1);
  });
});
