import { describe, expect, it } from 'vitest';
import { FakeServer } from '../testing/fake-server.js';
import type { TransportSendOptions } from '../transport.js';
import type { JsonRpcMessage } from './messages.js';
import { JsonRpcEngine } from './engine.js';
import { RequestTimeoutError } from '../errors/request-timeout-error.js';

async function setup() {
  const server = new FakeServer();
  const engine = new JsonRpcEngine(server.clientTransport, { server: 'fake' });
  await server.clientTransport.start();
  server.handle('hang', () => new Promise(() => undefined));
  return { server, engine };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('request timeouts', () => {
  it('rejects with RequestTimeoutError and tells the server to cancel', async () => {
    const { server, engine } = await setup();
    const error = await engine.request('hang', {}, { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REQUEST_TIMEOUT', kind: 'idle', timeoutMs: 20, method: 'hang' });
    await tick(5);
    expect(server.notifications('notifications/cancelled')).toEqual([{ requestId: 0, reason: 'timed out after 20 ms' }]);
  });

  it('restarts the timeout on progress when asked', async () => {
    const { server, engine } = await setup();
    server.handle('work', async (params) => {
      const token = (params._meta as { progressToken: number }).progressToken;
      for (let i = 1; i <= 5; i++) {
        await tick(20);
        await server.notify('notifications/progress', { progressToken: token, progress: i, total: 5 });
      }
      return { done: true };
    });
    const seen: number[] = [];
    const result = await engine.request('work', {}, { timeoutMs: 60, onprogress: (p) => seen.push(p.progress) });
    expect(result).toEqual({ done: true });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('enforces maxTotalTimeoutMs even while progress keeps arriving', async () => {
    const { server, engine } = await setup();
    let stop = false;
    server.handle('endless', async (params) => {
      const token = (params._meta as { progressToken: number }).progressToken;
      for (let i = 1; !stop; i++) {
        await tick(5);
        // The client may have given up on the request and be closing: later progress goes nowhere.
        await server.notify('notifications/progress', { progressToken: token, progress: i }).catch(() => undefined);
      }
      return {};
    });
    const error = await engine
      .request('endless', {}, { timeoutMs: 50, maxTotalTimeoutMs: 80, onprogress: () => undefined })
      .catch((e: unknown) => e);
    stop = true;
    expect(error).toMatchObject({ code: 'REQUEST_TIMEOUT', kind: 'total', timeoutMs: 80 });
  });

  it('enforces maxTotalTimeoutMs when no progress ever arrives', async () => {
    const { engine } = await setup();
    const error = await engine.request('hang', {}, { timeoutMs: 10_000, maxTotalTimeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REQUEST_TIMEOUT', kind: 'total' });
  });

  it('ignores progress that arrives after the response', async () => {
    const { server, engine } = await setup();
    let token = -1;
    server.handle('quick', (params) => {
      token = (params._meta as { progressToken: number }).progressToken;
      return {};
    });
    const seen: number[] = [];
    await engine.request('quick', {}, { onprogress: (p) => seen.push(p.progress) });
    await server.notify('notifications/progress', { progressToken: token, progress: 1 });
    await tick(5);
    expect(seen).toEqual([]);
  });
});

describe('the wait a transport is told', () => {
  it('is the smaller of timeoutMs and maxTotalTimeoutMs, for bindings that send a deadline', async () => {
    const { server, engine } = await setup();
    server.handle('quick', () => ({}));
    const transport = server.clientTransport;
    const send = transport.send.bind(transport);
    const told: Array<number | undefined> = [];
    transport.send = (message: JsonRpcMessage, options?: TransportSendOptions) => {
      if ('method' in message && message.method === 'quick') told.push(options?.timeoutMs);
      return send(message);
    };
    await engine.request('quick', {}, { timeoutMs: 5000 });
    await engine.request('quick', {}, { timeoutMs: 5000, maxTotalTimeoutMs: 3000 });
    await engine.request('quick', {});
    expect(told).toEqual([5000, 3000, 60_000]);
  });

  it("reports a binding's own deadline as the limit it was, with the setting that raises it", async () => {
    const server = new FakeServer();
    const engine = new JsonRpcEngine(server.clientTransport, {
      server: 'fake',
      settingNames: { requestTimeoutMs: '--timeout', maxTotalTimeoutMs: '--max-total-timeout' },
    });
    await server.clientTransport.start();
    // As the gRPC binding does when its deadline passes first: it knows the wait, not which limit set it.
    server.clientTransport.send = (_message: JsonRpcMessage, options?: TransportSendOptions) =>
      Promise.reject(new RequestTimeoutError(options?.timeoutMs ?? 0, 'idle', { cause: new Error('DEADLINE_EXCEEDED') }));
    const total = await engine.request('slow', {}, { timeoutMs: 5000, maxTotalTimeoutMs: 3000 }).catch((e: unknown) => e);
    expect(total).toMatchObject({
      code: 'REQUEST_TIMEOUT',
      kind: 'total',
      timeoutMs: 3000,
      setting: '--max-total-timeout',
      method: 'slow',
    });
    expect((total as Error).message).toContain('raise --max-total-timeout');
    const idle = await engine.request('slow', {}, { timeoutMs: 2000, maxTotalTimeoutMs: 3000 }).catch((e: unknown) => e);
    expect(idle).toMatchObject({ kind: 'idle', timeoutMs: 2000, setting: '--timeout' });
    expect((idle as Error).cause).toEqual(new Error('DEADLINE_EXCEEDED'));
  });
});
