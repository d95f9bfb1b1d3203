import type { McpClient } from '@mcpx/core';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, hangingConnect, serveTools, settle, text, useRegistries } from './helpers.js';

const open = useRegistries();

const names = Array.from({ length: 50 }, (_, i) => `s${String(i).padStart(2, '0')}`);
/** Two of the fifty never start. */
const neverStart = new Set(['s07', 's33']);

describe('a fleet of 50 servers', () => {
  it('connects them all at once, catalogs and routes to every one, survives several crashing together, and closes them all', async () => {
    const { registry, clock, events } = open({
      defaults: { connectTimeoutMs: 10_000, reconnect: () => 1000, health: { intervalMs: 5000 } },
    });
    const fleet = new Map(names.map((name) => [name, fakeServer(name, (server) => serveTools(server, name, ['echo', 'whoami']))]));
    for (const name of names)
      registry.register({
        name,
        connect: neverStart.has(name) ? hangingConnect().connect : fleet.get(name)!.connect,
        tags: [Number(name.slice(1)) % 2 === 0 ? 'even' : 'odd'],
      });

    const connecting = registry.connectAll();
    // The first connections load the era sessions' code from disk: a number of turns may not be enough on a busy machine.
    await vi.waitFor(() => expect(registry.connected()).toHaveLength(48), { timeout: 10_000 });
    await clock.advance(10_000);
    const report = await connecting;
    expect(report.connected).toHaveLength(48);
    expect(report.failed).toEqual(['s07', 's33']);
    expect(report.outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.error?.name)).toEqual([
      'ConnectTimeoutError',
      'ConnectTimeoutError',
    ]);

    const { tools, collisions, failures } = await registry.listTools();
    expect(tools).toHaveLength(96);
    expect(new Set(tools.map((tool) => tool.name)).size).toBe(96);
    expect(collisions).toEqual([]);
    expect(failures).toEqual([]);

    const up = names.filter((name) => !neverStart.has(name));
    const answers = await Promise.all(up.map((name) => registry.callTool(`${name}__whoami`, { message: name })));
    expect(answers.map(text)).toEqual(up.map((name) => `${name}:whoami:${name}`));

    const crashing = ['s01', 's10', 's20', 's30', 's40'];
    const clientsBefore = new Map(up.map((name) => [name, registry.get(name)?.client]));
    for (const name of crashing) fleet.get(name)!.latest.crash(new Error(`${name} crashed`));
    await settle();
    expect(
      registry
        .list()
        .filter((server) => server.state === 'reconnecting')
        .map((server) => server.name),
    ).toEqual(['s01', 's07', 's10', 's20', 's30', 's33', 's40']);
    const steady = up.filter((name) => !crashing.includes(name));
    const during = await Promise.all(steady.map((name) => registry.callTool(`${name}__echo`, { message: 'during' })));
    expect(during.map(text)).toEqual(steady.map((name) => `${name}:echo:during`));

    await clock.advance(1000);
    expect(registry.connected()).toHaveLength(48);
    for (const name of crashing) expect(fleet.get(name)!.instances).toHaveLength(2);
    for (const name of steady) {
      expect(registry.get(name)?.client).toBe(clientsBefore.get(name));
      expect(events.states(name)).toEqual(['connecting', 'connected']);
    }

    const snapshot = registry.snapshot();
    expect(snapshot.totals.servers).toBe(50);
    expect(snapshot.totals.states).toMatchObject({ connected: 48, reconnecting: 2 });
    expect(snapshot.totals.reconnects).toBe(5);
    expect(snapshot.totals.requests).toMatchObject({ failed: 0, rejected: 0 });
    expect(registry.list({ tag: 'even' })).toHaveLength(25);

    const clients = registry.connected().map((server) => server.client as McpClient);
    const { drained } = await registry.close();
    expect(drained).toBe(true);
    expect(clients.every((client) => client.state === 'closed')).toBe(true);
    expect(registry.snapshot().totals.states).toMatchObject({ disconnected: 50 });
  });
});
