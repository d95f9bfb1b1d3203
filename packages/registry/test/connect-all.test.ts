import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { ConnectTimeoutError } from '../src/index.js';
import { fakeServer, hangingConnect, settle, text, useRegistries } from './helpers.js';

const open = useRegistries();

describe('connectAll', () => {
  it('starts every connection at once rather than one after another', async () => {
    const { registry } = open();
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    for (const name of ['a', 'b', 'c']) {
      const server = fakeServer(name);
      registry.register({
        name,
        connect: async (signal) => {
          started.push(name);
          await gate;
          return server.connect(signal);
        },
      });
    }
    const report = registry.connectAll();
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    release();
    expect(await report).toMatchObject({ connected: ['a', 'b', 'c'], failed: [], disabled: [] });
  });

  it('keeps the other servers connected and working while one hangs, then times that one out', async () => {
    const { registry, clock, events } = open();
    const hanging = hangingConnect();
    registry.register({ name: 'a', connect: fakeServer('a').connect });
    registry.register({ name: 'stuck', connect: hanging.connect, connectTimeoutMs: 5000 });
    registry.register({ name: 'b', connect: fakeServer('b').connect });
    const report = registry.connectAll();
    await settle();
    expect(registry.connected().map((server) => server.name)).toEqual(['a', 'b']);
    expect(text(await registry.callTool('b__echo', { message: 'hi' }))).toBe('b:echo:hi');
    expect(registry.get('stuck')?.state).toBe('connecting');
    await clock.advance(5000);
    const { outcomes, connected, failed } = await report;
    expect(connected).toEqual(['a', 'b']);
    expect(failed).toEqual(['stuck']);
    const stuck = outcomes[1];
    expect(stuck).toMatchObject({ server: 'stuck', ok: false, state: 'reconnecting', durationMs: 5000 });
    expect(ConnectTimeoutError.isInstance(stuck?.ok === false ? stuck.error : undefined)).toBe(true);
    expect(events.states('a')).toEqual(['connecting', 'connected']);
    expect(events.states('b')).toEqual(['connecting', 'connected']);
  });

  it('reports a server whose connect() rejects, and keeps retrying it in the background with growing delays until it starts', async () => {
    const { registry, clock, events } = open();
    const healthy = fakeServer('flaky');
    let failures = 3;
    registry.register({
      name: 'flaky',
      reconnect: (attempt) => 1000 * 2 ** attempt,
      connect: async (signal) => {
        if (failures-- > 0) throw new Error('server not ready');
        return healthy.connect(signal);
      },
    });
    registry.register({ name: 'fine', connect: fakeServer('fine').connect });
    const report = await registry.connectAll();
    expect(report).toMatchObject({ connected: ['fine'], failed: ['flaky'] });
    expect(report.outcomes[0]).toMatchObject({ ok: false, state: 'reconnecting', error: { message: 'server not ready' } });
    await clock.advance(1000 + 2000 + 4000);
    expect(registry.get('flaky')?.state).toBe('connected');
    expect(
      events.events
        .filter((event) => event.type === 'reconnect')
        .map((event) => (event.type === 'reconnect' ? [event.attempt, event.delayMs] : [])),
    ).toEqual([
      [1, 1000],
      [2, 2000],
      [3, 4000],
    ]);
    expect(events.states('flaky')).toEqual(['connecting', 'reconnecting', 'connected']);
    expect(registry.stats('flaky')).toMatchObject({ connectFailures: 3, reconnects: 0 });
    expect(events.states('fine')).toEqual(['connecting', 'connected']);
  });

  it('marks a server failed at once when retrying cannot help, and tries again on connect()', async () => {
    const { registry, clock } = open();
    let attempts = 0;
    const later = fakeServer('missing');
    registry.register({
      name: 'missing',
      connect: async (signal) => {
        if (++attempts === 1) throw new TransportError('the command "missing-server" was not found', { isRetryable: false });
        return later.connect(signal);
      },
    });
    const report = await registry.connectAll();
    expect(report.outcomes[0]).toMatchObject({ ok: false, state: 'failed' });
    await clock.advance(60_000);
    expect(attempts).toBe(1);
    expect(registry.get('missing')?.lastError?.message).toMatch(/not found/);
    expect(await registry.connect('missing')).toMatchObject({ ok: true, state: 'connected' });
  });

  it('marks a server failed when reconnection is off', async () => {
    const { registry } = open();
    registry.register({
      name: 'once',
      reconnect: false,
      connect: () => Promise.reject(new Error('refused')),
    });
    const report = await registry.connectAll();
    expect(report.outcomes[0]).toMatchObject({ ok: false, state: 'failed' });
    expect(registry.get('once')?.lastError?.message).toBe('refused');
  });

  it("says that reconnection is off on the first line of the reason, not after the error's detail lines", async () => {
    const { registry, events } = open();
    registry.register({
      name: 'once',
      reconnect: false,
      connect: () => Promise.reject(new Error('the server exited\nLast stderr lines:\n  boom')),
    });
    const failed = events.reaches('once', 'failed');
    await registry.connectAll();
    expect((await failed).reason).toBe('connection attempt failed: the server exited; reconnection is off\nLast stderr lines:\n  boom');
  });

  it('skips the wait of a scheduled reconnection when connect() is called', async () => {
    const { registry } = open();
    let first = true;
    const server = fakeServer('s');
    registry.register({
      name: 's',
      reconnect: () => 60_000,
      connect: async (signal) => {
        if (first) {
          first = false;
          throw new Error('not yet');
        }
        return server.connect(signal);
      },
    });
    await registry.connectAll();
    expect(registry.get('s')?.state).toBe('reconnecting');
    expect(await registry.connect('s')).toMatchObject({ ok: true, state: 'connected' });
  });

  it('gives up when the backoff policy says so', async () => {
    const { registry, clock, events } = open();
    registry.register({
      name: 'doomed',
      reconnect: (attempt) => (attempt < 2 ? 100 : undefined),
      connect: () => Promise.reject(new Error('no')),
    });
    await registry.connectAll();
    await clock.advance(1000);
    expect(registry.get('doomed')?.state).toBe('failed');
    const last = events.events.at(-1);
    expect(last).toMatchObject({ type: 'state', to: 'failed' });
    expect(last?.type === 'state' ? last.reason : '').toMatch(/gave up after 2 attempts/);
  });
});
