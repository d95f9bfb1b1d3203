import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeServer } from '../testing/fake-server.js';
import { JsonRpcEngine } from './engine.js';

async function setup() {
  const server = new FakeServer();
  const errors: Error[] = [];
  const engine = new JsonRpcEngine(server.clientTransport, { server: 'fake', onerror: (e) => errors.push(e) });
  await server.clientTransport.start();
  server.handle('hang', () => new Promise(() => undefined));
  return { server, engine, errors };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cancellation by AbortSignal', () => {
  it('rejects with CancelledError and sends notifications/cancelled with the reason', async () => {
    const { server, engine } = await setup();
    const controller = new AbortController();
    const pending = engine.request('hang', {}, { signal: controller.signal });
    await tick(1);
    controller.abort('user pressed stop');
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', reason: 'user pressed stop' });
    await tick(1);
    expect(server.notifications('notifications/cancelled')).toEqual([{ requestId: 0, reason: 'user pressed stop' }]);
  });

  it('never sends notifications/cancelled for initialize', async () => {
    const { server, engine } = await setup();
    server.handle('initialize', () => new Promise(() => undefined));
    const controller = new AbortController();
    const pending = engine.request('initialize', {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    await tick(2);
    expect(server.notifications('notifications/cancelled')).toEqual([]);
  });

  it('drops a response that arrives after cancellation without raising an error', async () => {
    const { server, engine, errors } = await setup();
    let answer: (value: Record<string, unknown>) => void = () => undefined;
    server.handle('late', () => new Promise((resolve) => (answer = resolve)));
    const controller = new AbortController();
    const pending = engine.request('late', {}, { signal: controller.signal });
    await tick(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    answer({ late: true });
    await tick(2);
    expect(errors).toEqual([]);
    await expect(engine.request('ping', undefined)).resolves.toEqual({});
  });

  it('does not send a request whose signal is already aborted', async () => {
    const { server, engine } = await setup();
    await expect(engine.request('hang', {}, { signal: AbortSignal.abort('nope') })).rejects.toMatchObject({ code: 'CANCELLED' });
    await tick(1);
    expect(server.requests('hang')).toEqual([]);
  });

  it('leaks no listener and raises no warning when one signal is reused across thousands of requests', async () => {
    const { engine } = await setup();
    const warning = vi.spyOn(process, 'emitWarning');
    const controller = new AbortController();
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(Array.from({ length: 1000 }, () => engine.request('ping', undefined, { signal: controller.signal })));
    }
    expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1);
    const concurrent = Array.from({ length: 2000 }, () => engine.request('hang', {}, { signal: controller.signal }));
    expect(getEventListeners(controller.signal, 'abort').length).toBe(1);
    controller.abort();
    const outcomes = await Promise.allSettled(concurrent);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(warning).not.toHaveBeenCalled();
    expect(engine.pendingCount).toBe(0);
  });
});
