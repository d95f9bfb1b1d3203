import { ConnectionClosedError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { fakeServer, text, useRegistries } from './helpers.js';

const open = useRegistries();

describe('a flapping server', () => {
  it('waits longer after each short-lived connection, starts over once a connection proved stable, and never disturbs the others', async () => {
    const { registry, clock, events } = open({
      defaults: {
        reconnect: (attempt) => 1000 * 2 ** attempt,
        stableAfterMs: 10_000,
        // No jitter: the clock is stepped to the exact moment of each check.
        health: { intervalMs: 100, degradedIntervalMs: 100, timeoutMs: 50, degradedLatencyMs: 20, failureThreshold: 3, jitter: 0 },
      },
    });
    // The first three processes die as soon as they are pinged; the fourth stays up.
    const flappy = fakeServer('flappy', (server, index) => {
      if (index < 3) {
        server.handle('ping', () => {
          server.crash(new ConnectionClosedError('the server process exited', { exitCode: 139 }));
          return new Promise(() => undefined);
        });
      }
    });
    registry.register({ name: 'flappy', connect: flappy.connect });
    registry.register({ name: 'calm', connect: fakeServer('calm').connect });
    await registry.connectAll();

    await clock.advance(100 + 1000 + 100 + 2000 + 100 + 4000);
    expect(flappy.instances).toHaveLength(4);
    expect(registry.get('flappy')?.state).toBe('connected');
    const delays = (): number[] =>
      events.events.flatMap((event) => (event.type === 'reconnect' && event.server === 'flappy' ? [event.delayMs] : []));
    expect(delays()).toEqual([1000, 2000, 4000]);

    await clock.advance(10_000);
    const back = events.reaches('flappy', 'connected');
    flappy.latest.crash(new Error('one more crash, after a long stable run'));
    await clock.advance(1000);
    await back;
    expect(delays()).toEqual([1000, 2000, 4000, 1000]);
    expect(registry.stats('flappy').reconnects).toBe(4);

    expect(events.states('flappy')).toEqual([
      'connecting',
      'connected',
      ...Array.from({ length: 4 }, () => ['reconnecting', 'connected']).flat(),
    ]);
    expect(events.states('calm')).toEqual(['connecting', 'connected']);
    expect(text(await registry.callTool('calm__echo', { message: 'unbothered' }))).toBe('calm:echo:unbothered');
    expect(registry.stats('calm')).toMatchObject({ reconnects: 0, health: { failures: 0 } });
  });
});
