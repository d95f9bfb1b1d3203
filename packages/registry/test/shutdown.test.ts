import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionClosedError } from '@mcpx/core';
import { afterAll, describe, expect, it } from 'vitest';
import { RegistryClosedError, type RegistrySnapshot } from '../src/index.js';
import { fakeServer, hangingConnect, settle, text, useRegistries } from './helpers.js';

const open = useRegistries();
const dir = mkdtempSync(join(tmpdir(), 'mcpx-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A server whose `slow` tool answers only when `finish()` is called. */
function slowServer(name: string): { server: ReturnType<typeof fakeServer>; finish: () => void } {
  const pending: Array<() => void> = [];
  const server = fakeServer(name, (s) => {
    s.handle('tools/list', () => ({ tools: [{ name: 'slow', inputSchema: { type: 'object' } }] }));
    s.handle('tools/call', () => new Promise((resolve) => pending.push(() => resolve({ content: [{ type: 'text', text: 'finished' }] }))));
  });
  return { server, finish: () => pending.splice(0).forEach((resolve) => resolve()) };
}

describe('closing the registry', () => {
  it('refuses new calls, lets the calls in flight finish, then closes every connection', async () => {
    const { registry } = open();
    const { server, finish } = slowServer('worker');
    registry.register({ name: 'worker', connect: server.connect });
    registry.register({ name: 'idle', connect: fakeServer('idle').connect });
    await registry.connectAll();
    const clients = registry.list().map((s) => s.client);
    const inFlight = registry.callTool('worker__slow');
    await expect.poll(() => server.latest.requests('tools/call').length).toBe(1);

    const closing = registry.close();
    await expect(registry.callTool('worker__slow')).rejects.toBeInstanceOf(RegistryClosedError);
    await expect(registry.request('idle', 'ping')).rejects.toBeInstanceOf(RegistryClosedError);
    await settle();
    expect(clients.map((client) => client?.state)).toEqual(['connected', 'connected']);

    finish();
    expect(text(await inFlight)).toBe('finished');
    const report = await closing;
    expect(report).toMatchObject({ drained: true, interrupted: 0 });
    expect(clients.map((client) => client?.state)).toEqual(['closed', 'closed']);
    expect(registry.list().map((s) => s.state)).toEqual(['disconnected', 'disconnected']);
    expect(registry.close()).toBe(closing);
  });

  it('closes the connections under calls still running at the deadline, which are rejected', async () => {
    const { registry, clock } = open();
    const { server } = slowServer('stuck');
    registry.register({ name: 'stuck', connect: server.connect });
    await registry.connectAll();
    const inFlight = registry.callTool('stuck__slow').catch((e: unknown) => e);
    await expect.poll(() => server.latest.requests('tools/call').length).toBe(1);
    const closing = registry.close({ deadlineMs: 2000 });
    await clock.advance(1999);
    expect(registry.get('stuck')?.state).toBe('connected');
    await clock.advance(1);
    const report = await closing;
    expect(report).toMatchObject({ drained: false, interrupted: 1 });
    expect(ConnectionClosedError.isInstance(await inFlight)).toBe(true);
    expect(report.snapshot.servers[0]).toMatchObject({ name: 'stuck', state: 'disconnected', requests: { inFlight: 0, failed: 1 } });
  });

  it('stops health checks and reconnections, abandons connection attempts, and keeps failed and disabled servers as they are', async () => {
    const { registry, clock, events } = open({ defaults: { reconnect: () => 5000 } });
    const retrying = fakeServer('retrying');
    let refused = true;
    const hanging = hangingConnect();
    registry.register({ name: 'healthy', connect: fakeServer('healthy').connect });
    registry.register({
      name: 'retrying',
      connect: (signal) => (refused ? Promise.reject(new Error('not yet')) : retrying.connect(signal)),
    });
    registry.register({ name: 'hanging', connect: hanging.connect, connectTimeoutMs: 60_000 });
    registry.register({ name: 'broken', connect: () => Promise.reject(new Error('bad config')), reconnect: false });
    registry.register({ name: 'off', connect: fakeServer('off').connect, enabled: false });
    // The test looks at the servers' states while they connect, not at the report.
    void registry.connectAll();
    await settle();
    expect(registry.list().map((s) => s.state)).toEqual(['connected', 'reconnecting', 'connecting', 'failed', 'disabled']);
    refused = false;

    await registry.close();
    expect(registry.list().map((s) => s.state)).toEqual(['disconnected', 'disconnected', 'disconnected', 'failed', 'disabled']);
    expect(clock.pending).toEqual([]);
    await clock.advance(60_000);
    expect(retrying.instances).toEqual([]);
    expect(hanging.calls).toBe(1);
    expect(events.states('hanging')).toEqual(['connecting', 'disconnected']);
  });

  it('refuses a negative deadline without closing anything', async () => {
    const { registry } = open();
    registry.register({ name: 'alpha', connect: fakeServer('alpha').connect });
    await registry.connectAll();
    await expect(registry.close({ deadlineMs: -1 })).rejects.toThrow(/"deadlineMs" must be zero or more/);
    expect(text(await registry.callTool('alpha__echo', { message: 'open' }))).toBe('alpha:echo:open');
  });

  it('writes the final states and statistics as JSON when asked', async () => {
    const { registry } = open();
    registry.register({ name: 'alpha', connect: fakeServer('alpha').connect, tags: ['local'] });
    registry.register({ name: 'beta', connect: fakeServer('beta').connect, enabled: false });
    await registry.connectAll();
    await registry.callTool('alpha__echo', { message: 'one' });
    const snapshotPath = join(dir, 'nested', 'final.json');
    const { snapshot } = await registry.close({ snapshotPath });
    const written = JSON.parse(readFileSync(snapshotPath, 'utf8')) as RegistrySnapshot;
    expect(written).toEqual(JSON.parse(JSON.stringify(snapshot)));
    expect(written.servers.map((server) => [server.name, server.state, server.tags])).toEqual([
      ['alpha', 'disconnected', ['local']],
      ['beta', 'disabled', []],
    ]);
    expect(written.servers[0]?.requests).toMatchObject({ total: 2, succeeded: 2, failed: 0 });
    expect(written.totals).toMatchObject({ servers: 2, states: { disconnected: 1, disabled: 1 }, requests: { total: 2 } });
  });
});
