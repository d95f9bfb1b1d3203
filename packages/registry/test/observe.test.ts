import { describe, expect, it } from 'vitest';
import type { RegistryEvent } from '../src/index.js';
import { fakeServer, useRegistries } from './helpers.js';

const open = useRegistries();

describe('observing the registry', () => {
  it('yields every event with its type, in order, until the signal aborts', async () => {
    const { registry } = open();
    registry.register({ name: 'alpha', connect: fakeServer('alpha').connect });
    const stop = new AbortController();
    const seen: RegistryEvent[] = [];
    const consuming = (async () => {
      for await (const event of registry.observe(stop.signal)) {
        seen.push(event);
        if (event.type === 'state' && event.to === 'connected') stop.abort();
      }
    })();
    await registry.connect('alpha');
    await consuming;
    expect(seen.map((event) => (event.type === 'state' ? `${event.server}:${event.from}->${event.to}` : event.type))).toEqual([
      'alpha:disconnected->connecting',
      'alpha:connecting->connected',
    ]);
    expect(seen[1]).toMatchObject({ type: 'state', reason: expect.stringMatching(/^connected in \d+ ms$/) });
  });

  it('reports a throwing listener as an error event and still calls the other listeners', async () => {
    const { registry, events } = open();
    registry.register({ name: 'alpha', connect: fakeServer('alpha').connect });
    const calls: string[] = [];
    registry.on('state', () => {
      throw new Error('listener bug');
    });
    const off = registry.on('state', (event) => calls.push(event.to));
    await registry.connect('alpha');
    expect(calls).toEqual(['connecting', 'connected']);
    expect(
      events.events.filter((event) => event.type === 'error').map((event) => (event.type === 'error' ? event.error.message : '')),
    ).toEqual(['listener bug', 'listener bug']);
    off();
    await registry.disable('alpha');
    expect(calls).toEqual(['connecting', 'connected']);
  });
});

describe('server statistics', () => {
  it('counts requests across reconnections, with latency, uptime and reconnects', async () => {
    const { registry, clock, events } = open({ defaults: { reconnect: () => 1000, health: false } });
    const alpha = fakeServer('alpha');
    registry.register({ name: 'alpha', connect: alpha.connect, tags: ['t'] });
    await registry.connectAll();
    const connectedAt = clock.now();
    await clock.advance(5000);
    for (let i = 0; i < 3; i++) await registry.callTool('alpha__echo');
    expect(registry.stats('alpha')).toMatchObject({
      name: 'alpha',
      state: 'connected',
      enabled: true,
      tags: ['t'],
      requests: { total: 4, succeeded: 4, failed: 0, successRate: 1, rejected: 0, inFlight: 0 },
      latency: { count: 4 },
      uptimeMs: 5000,
      connectedAt,
      reconnects: 0,
      lastError: null,
    });
    const back = events.reaches('alpha', 'connected');
    alpha.latest.crash(new Error('oops'));
    await clock.advance(1000);
    await back;
    await registry.callTool('alpha__echo');
    const stats = registry.stats('alpha');
    expect(stats).toMatchObject({
      requests: { total: 5, succeeded: 5 },
      reconnects: 1,
      uptimeMs: 0,
      lastError: { name: 'Error', message: 'oops' },
    });
    const { latency } = stats;
    expect(latency.min).toBeLessThanOrEqual(latency.p50);
    expect(latency.p50).toBeLessThanOrEqual(latency.p99);
    expect(latency.p99).toBeLessThanOrEqual(latency.max);
  });
});
