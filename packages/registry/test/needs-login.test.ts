import { LoginRequiredError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { ServerUnavailableError } from '../src/index.js';
import { fakeServer, useRegistries } from './helpers.js';

const open = useRegistries();

const needsLogin = (): LoginRequiredError =>
  new LoginRequiredError('https://mcp.example.com/mcp', 'no stored login', { hint: 'log in with `mcpx login linear`' });

describe('a server that needs a login', () => {
  it('is put in needs-login, not retried with backoff, and tries again on connect() once someone logged in', async () => {
    const { registry, clock, events } = open();
    let loggedIn = false;
    let attempts = 0;
    const later = fakeServer('linear');
    registry.register({
      name: 'linear',
      connect: async (signal) => {
        attempts++;
        if (!loggedIn) throw needsLogin();
        return later.connect(signal);
      },
    });
    const report = await registry.connectAll();
    expect(report.outcomes[0]).toMatchObject({ ok: false, state: 'needs-login' });
    expect(report.failed).toEqual(['linear']);
    await clock.advance(120_000);
    expect(attempts).toBe(1);
    expect(events.events.filter((event) => event.type === 'reconnect')).toEqual([]);
    expect(events.states('linear')).toEqual(['connecting', 'needs-login']);
    expect(registry.get('linear')?.lastError?.message).toMatch(/mcpx login linear/);
    loggedIn = true;
    expect(await registry.connect('linear')).toMatchObject({ ok: true, state: 'connected' });
  });

  it('refuses calls with advice to log in', async () => {
    const { registry } = open();
    registry.register({ name: 'linear', connect: () => Promise.reject(needsLogin()) });
    await registry.connectAll();
    const error: unknown = await registry.request('linear', 'ping').catch((caught: unknown) => caught);
    expect(ServerUnavailableError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/needs a user to log in.*then call connect\(\)/);
  });

  it('counts in the fleet statistics under its own state', async () => {
    const { registry } = open();
    registry.register({ name: 'linear', connect: () => Promise.reject(needsLogin()) });
    registry.register({
      name: 'broken',
      reconnect: false,
      connect: () => Promise.reject(new TransportError('refused', { isRetryable: false })),
    });
    await registry.connectAll();
    expect(registry.snapshot().totals.states).toMatchObject({ 'needs-login': 1, failed: 1 });
  });
});
