import { McpClient } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, settle } from '../test/helpers.js';
import { ServerClients, type AttemptResult, type HeldClientHooks } from './server-clients.js';
import type { ConnectOutcome } from './server-view.js';

const made: McpClient[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((client) => client.close()));
});

/** A connect function that waits for `go()`, then connects to a fresh fake server each call. */
function gated(): {
  connect: (signal: AbortSignal) => Promise<McpClient>;
  go: () => void;
  signal: () => AbortSignal | undefined;
  calls: () => number;
  server: () => FakeServer | undefined;
} {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let seen: AbortSignal | undefined;
  let calls = 0;
  let server: FakeServer | undefined;
  return {
    connect: async (signal) => {
      seen = signal;
      calls++;
      await gate;
      const client = new McpClient({ eraCache: false });
      made.push(client);
      server = new FakeServer();
      await client.connect(server.clientTransport);
      return client;
    },
    go: () => open(),
    signal: () => seen,
    calls: () => calls,
    server: () => server,
  };
}

function clientsOf(source: ReturnType<typeof gated>): {
  clients: ServerClients;
  results: AttemptResult[];
  settle: (result: AttemptResult) => ConnectOutcome;
} {
  const results: AttemptResult[] = [];
  return {
    clients: new ServerClients({ server: 'alpha', connect: source.connect, timeoutMs: 1000, clock: new ManualClock() }),
    results,
    settle: (result) => {
      results.push(result);
      return { server: 'alpha', ok: result.kind === 'client', state: 'connecting', durationMs: 0 } as ConnectOutcome;
    },
  };
}

function hooks(): HeldClientHooks & { lostReasons: Error[]; responses: boolean[] } {
  const lostReasons: Error[] = [];
  const responses: boolean[] = [];
  return {
    lostReasons,
    responses,
    lost: (reason) => lostReasons.push(reason),
    listChanged: () => undefined,
    watchError: () => undefined,
    response: (_, ok) => responses.push(ok),
  };
}

describe("a server's clients", () => {
  it('hands the client of an attempt to settle, and its outcome to whoever joins while it runs', async () => {
    const source = gated();
    const { clients, results, settle: settleWith } = clientsOf(source);
    const done = clients.connect(settleWith);
    expect(clients.pending).toBe(done);
    source.go();
    expect(await done).toMatchObject({ ok: true });
    expect(results.map((result) => result.kind)).toEqual(['client']);
    expect(clients.current).toBeUndefined();
    await settle();
    expect(clients.pending).toBeUndefined();
  });

  it('settles an abandoned attempt as abandoned with the reason, and closes the client it delivers late', async () => {
    const source = gated();
    const { clients, results, settle: settleWith } = clientsOf(source);
    const done = clients.connect(settleWith);
    await settle();
    const reason = new Error('disabled');
    clients.abandon(reason);
    expect(clients.pending).toBeUndefined();
    await done;
    expect(results).toEqual([{ kind: 'abandoned', error: reason }]);
    expect(source.signal()?.aborted).toBe(true);
    source.go();
    await clients.settled(new Promise<void>(() => undefined));
    expect(made.map((client) => client.state)).toEqual(['closed']);
  });

  it('starts connecting only once the clients it closed before are gone', async () => {
    const first = gated();
    const { clients, settle: settleWith, results } = clientsOf(first);
    first.go();
    const outcome = await clients.connect(settleWith);
    expect(outcome.ok).toBe(true);
    const [result] = results;
    if (result?.kind !== 'client') throw new Error('expected a client');
    clients.hold(result.client, 1, hooks());
    let close!: () => void;
    const closing = new Promise<void>((resolve) => (close = resolve));
    const realClose = result.client.close.bind(result.client);
    result.client.close = async () => {
      await closing;
      await realClose();
    };
    clients.retireHeld();
    expect(clients.current).toBeUndefined();
    const second = clients.connect(settleWith);
    await settle();
    expect(first.calls()).toBe(1);
    close();
    expect(await second).toMatchObject({ ok: true });
    expect(first.calls()).toBe(2);
    expect(made.map((client) => client.state)).toEqual(['closed', 'connected']);
  });

  it('tells the hooks of the responses of the held client and of its closing on its own', async () => {
    const source = gated();
    const { clients, settle: settleWith, results } = clientsOf(source);
    source.go();
    await clients.connect(settleWith);
    const [result] = results;
    if (result?.kind !== 'client') throw new Error('expected a client');
    const seen = hooks();
    clients.hold(result.client, 1700, seen);
    expect([clients.current, clients.connectedAt]).toEqual([result.client, 1700]);
    await result.client.ping();
    source.server()?.crash(new Error('pipe closed'));
    await settle();
    expect(seen.responses).toEqual([true]);
    expect(seen.lostReasons).toHaveLength(1);
  });

  it('tells the hooks of no closing once the client is released, and of no response once counting is stopped too', async () => {
    const source = gated();
    const { clients, settle: settleWith, results } = clientsOf(source);
    source.go();
    await clients.connect(settleWith);
    const [result] = results;
    if (result?.kind !== 'client') throw new Error('expected a client');
    const seen = hooks();
    clients.hold(result.client, 1700, seen);
    const stopCounting = clients.release();
    expect([clients.current, clients.connectedAt]).toEqual([undefined, undefined]);
    await result.client.ping();
    stopCounting();
    await result.client.ping();
    source.server()?.crash(new Error('pipe closed'));
    await settle();
    expect(seen).toMatchObject({ responses: [true], lostReasons: [] });
  });
});
