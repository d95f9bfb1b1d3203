import { FakeServer } from '@mcpx/core/testing';
import { describe, expect, it } from 'vitest';
import { CircuitOpenError, HealthCheckTimeoutError } from '../src/index.js';
import { fakeServer, text, useRegistries } from './helpers.js';

const open = useRegistries();

// No jitter: these tests step the clock to the exact moment of each check.
const health = { intervalMs: 1000, degradedIntervalMs: 200, timeoutMs: 100, degradedLatencyMs: 20, failureThreshold: 3, jitter: 0 };

describe('a server that hangs on health checks', () => {
  it('turns degraded, opens its breaker, is replaced by a new connection and recovers, while the other server is untouched', async () => {
    const { registry, clock, events } = open({
      defaults: {
        health: { ...health, failureThreshold: 4 },
        breaker: { failureThreshold: 2, resetTimeoutMs: 2000 },
        reconnect: () => 500,
      },
    });
    const hung = fakeServer('hung', (server, index) => {
      if (index === 0) server.handle('ping', () => new Promise(() => undefined));
    });
    registry.register({ name: 'hung', connect: hung.connect });
    registry.register({ name: 'fine', connect: fakeServer('fine').connect });
    await registry.connectAll();
    const firstClient = registry.get('hung')?.client;

    await clock.advance(1000 + 100);
    const degraded = events.events.find((event) => event.type === 'state' && event.server === 'hung' && event.to === 'degraded');
    expect(degraded?.type === 'state' && HealthCheckTimeoutError.isInstance(degraded.error)).toBe(true);
    // Degraded still takes calls, and an answered call counts as a success for the breaker.
    expect(text(await registry.callTool('hung__echo', { message: 'still answers tools' }))).toBe('hung:echo:still answers tools');

    await clock.advance(200 + 100);
    expect(registry.get('hung')?.breaker).toBe('closed');
    await clock.advance(200 + 100);
    expect(registry.get('hung')?.breaker).toBe('open');
    const refused = await registry.callTool('hung__echo').catch((e: unknown) => e);
    expect(CircuitOpenError.isInstance(refused)).toBe(true);
    expect(refused).toMatchObject({ server: 'hung', retryAfterMs: 2000 });

    const reconnecting = events.reaches('hung', 'reconnecting');
    await clock.advance(200 + 100);
    expect((await reconnecting).reason).toMatch(/4 health checks failed in a row/);
    expect(firstClient?.state).toBe('closed');

    await clock.advance(500);
    expect(hung.instances).toHaveLength(2);
    expect(registry.get('hung')?.state).toBe('degraded');
    await clock.advance(2000);
    expect(registry.get('hung')).toMatchObject({ state: 'connected', breaker: 'closed' });
    expect(text(await registry.callTool('hung__echo', { message: 'back' }))).toBe('hung:echo:back');

    expect(events.states('hung')).toEqual(['connecting', 'connected', 'degraded', 'reconnecting', 'degraded', 'connected']);
    expect(events.states('fine')).toEqual(['connecting', 'connected']);
    expect(registry.stats('fine').health).toMatchObject({ failures: 0 });
    expect(registry.stats('hung').health).toMatchObject({ failures: 4, consecutiveFailures: 0 });
  });
});

describe('health monitoring', () => {
  it('marks a slow server degraded, checks it more often, and marks it connected again once it answers fast', async () => {
    const { registry, clock, events } = open({ defaults: { health } });
    let answer: (() => void) | undefined;
    let slow = true;
    const server = fakeServer('sluggish', (instance: FakeServer) => {
      instance.handle('ping', () => (slow ? new Promise((resolve) => (answer = () => resolve({}))) : {}));
    });
    registry.register({ name: 'sluggish', connect: server.connect });
    await registry.connectAll();

    await clock.advance(1000);
    await clock.advance(50);
    answer?.();
    await events.reaches('sluggish', 'degraded');
    expect(events.events.at(-2)).toMatchObject({ type: 'health', ok: true, slow: true, latencyMs: 50 });

    slow = false;
    const pingsBefore = server.latest.requests('ping').length;
    const recovered = events.reaches('sluggish', 'connected');
    await clock.advance(200);
    expect((await recovered).reason).toMatch(/health check passed/);
    expect(server.latest.requests('ping').length - pingsBefore).toBe(1);

    await clock.advance(999);
    expect(server.latest.requests('ping').length - pingsBefore).toBe(1);
    await clock.advance(1);
    expect(server.latest.requests('ping').length - pingsBefore).toBe(2);
  });

  it('records latency and the error rate of the checks', async () => {
    const { registry, clock } = open({ defaults: { health } });
    let fail = false;
    const server = fakeServer('s', (instance) => {
      instance.handle('ping', () => {
        if (fail) throw FakeServer.error(-32603, 'busy');
        return {};
      });
    });
    registry.register({ name: 's', connect: server.connect });
    await registry.connectAll();
    await clock.advance(1000);
    fail = true;
    await clock.advance(1000);
    fail = false;
    await clock.advance(200);
    expect(registry.stats('s').health).toMatchObject({ checks: 3, failures: 1, consecutiveFailures: 0, lastLatencyMs: 0 });
    expect(registry.stats('s').health.errorRate).toBeCloseTo(1 / 3);
  });

  it('runs no checks when health monitoring is off', async () => {
    const { registry, clock } = open();
    const server = fakeServer('quiet');
    registry.register({ name: 'quiet', connect: server.connect, health: false });
    await registry.connectAll();
    await clock.advance(10 * 60_000);
    expect(server.latest.requests('ping')).toEqual([]);
  });
});

describe('the circuit breaker of a server', () => {
  it('opens after calls time out, refuses calls without sending them, and closes after a successful probe', async () => {
    const { registry, clock, events } = open({ defaults: { health: false, breaker: { failureThreshold: 2, resetTimeoutMs: 5000 } } });
    let hang = true;
    const server = fakeServer('stalling', (instance) => {
      instance.handle('tools/call', () => (hang ? new Promise(() => undefined) : { content: [{ type: 'text', text: 'done' }] }));
    });
    registry.register({ name: 'stalling', connect: server.connect, requestTimeoutMs: 20 });
    await registry.connectAll();
    for (let i = 0; i < 2; i++) await expect(registry.callTool('stalling__echo')).rejects.toMatchObject({ code: 'REQUEST_TIMEOUT' });
    expect(registry.get('stalling')).toMatchObject({ breaker: 'open', state: 'degraded' });

    const sent = server.latest.requests('tools/call').length;
    await expect(registry.callTool('stalling__echo')).rejects.toBeInstanceOf(CircuitOpenError);
    expect(server.latest.requests('tools/call')).toHaveLength(sent);

    hang = false;
    await clock.advance(5000);
    expect(registry.get('stalling')?.breaker).toBe('half-open');
    expect(text(await registry.callTool('stalling__echo'))).toBe('done');
    expect(registry.get('stalling')).toMatchObject({ breaker: 'closed', state: 'connected' });
    expect(events.events.filter((event) => event.type === 'breaker').map((event) => (event.type === 'breaker' ? event.to : ''))).toEqual([
      'open',
      'half-open',
      'closed',
    ]);
  });

  it('does not count errors the server answers with', async () => {
    const { registry } = open({ defaults: { health: false, breaker: { failureThreshold: 1 } } });
    const server = fakeServer('strict', (instance) => {
      instance.handle('tools/call', () => {
        throw FakeServer.error(-32602, 'unknown argument');
      });
    });
    registry.register({ name: 'strict', connect: server.connect });
    await registry.connectAll();
    for (let i = 0; i < 3; i++) await expect(registry.callTool('strict__echo')).rejects.toMatchObject({ code: -32602 });
    expect(registry.get('strict')).toMatchObject({ breaker: 'closed', state: 'connected' });
  });
});
