import { ConnectTimeoutError, McpClient } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { describe, expect, it } from 'vitest';
import { ManualClock, settle } from '../test/helpers.js';
import { startConnect } from './connect-attempt.js';

/** A connect function that waits for `go()`, then connects to a fresh fake server. */
function gated(): {
  connect: (signal: AbortSignal) => Promise<McpClient>;
  go: () => void;
  signal: () => AbortSignal | undefined;
  client: () => McpClient | undefined;
} {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let seen: AbortSignal | undefined;
  let made: McpClient | undefined;
  return {
    connect: async (signal) => {
      seen = signal;
      await gate;
      made = new McpClient({ eraCache: false });
      await made.connect(new FakeServer().clientTransport);
      return made;
    },
    go: () => open(),
    signal: () => seen,
    client: () => made,
  };
}

describe('a connection attempt', () => {
  it('resolves with the connected client', async () => {
    const clock = new ManualClock();
    const source = gated();
    const attempt = startConnect('alpha', source.connect, 1000, clock);
    source.go();
    const client = await attempt.client;
    expect(client.state).toBe('connected');
    expect(clock.pending).toEqual([]);
    await client.close();
  });

  it('gives up after the timeout with a ConnectTimeoutError naming the server, aborts connect() and closes the client it delivers late', async () => {
    const clock = new ManualClock();
    const source = gated();
    const attempt = startConnect('alpha', source.connect, 1000, clock);
    const failure = attempt.client.catch((error: unknown) => error);
    await clock.advance(1000);
    const error = await failure;
    expect(ConnectTimeoutError.isInstance(error)).toBe(true);
    expect((error as ConnectTimeoutError).message).toMatch(/server "alpha".*within 1000 ms/);
    expect(source.signal()?.aborted).toBe(true);
    source.go();
    await attempt.settled;
    expect(source.client()?.state).toBe('closed');
  });

  it("names the connect timeout as the caller's interface does", async () => {
    const clock = new ManualClock();
    const attempt = startConnect('alpha', gated().connect, 1000, clock, '--connect-timeout');
    const failure = attempt.client.catch((error: unknown) => error);
    await clock.advance(1000);
    expect((await failure) as ConnectTimeoutError).toMatchObject({
      setting: '--connect-timeout',
      message: expect.stringContaining('raise --connect-timeout if'),
    });
  });

  it('rejects with the reason when aborted', async () => {
    const clock = new ManualClock();
    const source = gated();
    const attempt = startConnect('alpha', source.connect, 1000, clock);
    const reason = new Error('disabled');
    attempt.abort(reason);
    await expect(attempt.client).rejects.toBe(reason);
    expect(clock.pending).toEqual([]);
    source.go();
    await attempt.settled;
    expect(source.client()?.state).toBe('closed');
  });

  it('passes on the error of a connect() that fails, even one that throws at once', async () => {
    const clock = new ManualClock();
    const boom = new Error('spawn failed');
    const attempt = startConnect(
      'alpha',
      () => {
        throw boom;
      },
      1000,
      clock,
    );
    await expect(attempt.client).rejects.toBe(boom);
    await attempt.settled;
    await settle();
    expect(clock.pending).toEqual([]);
  });
});
