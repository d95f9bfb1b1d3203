import { describe, expect, it } from 'vitest';
import { FakeServer } from '../testing/fake-server.js';
import { JsonRpcEngine } from './engine.js';

async function setup() {
  const server = new FakeServer();
  const errors: Error[] = [];
  const engine = new JsonRpcEngine(server.clientTransport, { server: 'fake', onerror: (e) => errors.push(e) });
  await server.clientTransport.start();
  return { server, engine, errors };
}

describe('request correlation', () => {
  it('gives every request a unique non-null id', async () => {
    const { server, engine } = await setup();
    await Promise.all(Array.from({ length: 50 }, () => engine.request('ping', undefined)));
    const ids = server.received.map((m) => ('id' in m ? m.id : undefined));
    expect(ids.every((id) => id !== null && id !== undefined)).toBe(true);
    expect(new Set(ids).size).toBe(50);
  });

  it('matches responses that arrive out of order to their requests', async () => {
    const { server, engine } = await setup();
    server.handle('slow', async (params) => {
      await new Promise((r) => setTimeout(r, Number(params.delay)));
      return { delay: params.delay };
    });
    const results = await Promise.all([30, 1, 15].map((delay) => engine.request('slow', { delay })));
    expect(results.map((r) => r.delay)).toEqual([30, 1, 15]);
  });

  it('ignores responses with unknown ids', async () => {
    const { server, engine, errors } = await setup();
    server.sendRaw({ jsonrpc: '2.0', id: 999, result: {} });
    await expect(engine.request('ping', undefined)).resolves.toEqual({});
    expect(errors).toEqual([]);
  });

  it('rejects with the peer error code, message and data', async () => {
    const { server, engine } = await setup();
    server.handle('boom', () => {
      throw FakeServer.error(-32602, 'bad arguments', { field: 'x' });
    });
    const error = await engine.request('boom', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProtocolError', code: -32602, data: { field: 'x' }, method: 'boom', server: 'fake' });
    expect(String((error as Error).message)).toContain('bad arguments');
  });

  it('rejects every pending request when the connection drops, and refuses new ones', async () => {
    const { server, engine } = await setup();
    server.handle('hang', () => new Promise(() => undefined));
    const pending = [engine.request('hang', {}), engine.request('hang', {})];
    await new Promise((r) => setTimeout(r, 5));
    server.crash(new Error('server died'));
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'CONNECTION_CLOSED', method: 'hang' });
    await expect(engine.request('ping', undefined)).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(engine.pendingCount).toBe(0);
  });
});

describe('the close reason', () => {
  it('keeps a transport reason that is not retryable as the pending requests fail', async () => {
    const { TransportError } = await import('../errors/transport-error.js');
    const server = new FakeServer();
    const engine = new JsonRpcEngine(server.clientTransport, { server: 'fake' });
    await server.clientTransport.start();
    server.handle('hang', () => new Promise(() => undefined));
    const pending = engine.request('hang', {});
    await new Promise((r) => setTimeout(r, 2));
    server.crash(new TransportError('policy violation (close code 1008)', { isRetryable: false }));
    await expect(pending).rejects.toMatchObject({ code: 'CONNECTION_CLOSED', isRetryable: false });
  });
});

describe('a failed send', () => {
  async function engineWhoseSend(send: () => Promise<void>) {
    const server = new FakeServer();
    const engine = new JsonRpcEngine(server.clientTransport, { server: 'fake' });
    await server.clientTransport.start();
    server.clientTransport.send = send;
    return engine;
  }

  it('fails the request at once, with what the transport said, and forgets it', async () => {
    const engine = await engineWhoseSend(() => Promise.reject(new Error('pipe closed')));
    await expect(engine.request('ping', undefined, { timeoutMs: 60_000 })).rejects.toMatchObject({
      name: 'TransportError',
      method: 'ping',
      message: expect.stringContaining('pipe closed'),
    });
    expect(engine.pendingCount).toBe(0);
  });

  it('lets go of the signal of a request whose send threw: aborting it later cancels nothing', async () => {
    const server = new FakeServer();
    const engine = new JsonRpcEngine(server.clientTransport, { server: 'fake' });
    await server.clientTransport.start();
    const sent: unknown[] = [];
    server.clientTransport.send = (message) => {
      sent.push(message);
      if ('method' in message && message.method === 'ping') throw new Error('not writable');
      return Promise.resolve();
    };
    const controller = new AbortController();
    await expect(engine.request('ping', undefined, { signal: controller.signal })).rejects.toMatchObject({ name: 'TransportError' });
    controller.abort(new Error('too late'));
    await new Promise((r) => setTimeout(r, 5));
    expect(sent).toEqual([expect.objectContaining({ method: 'ping' })]);
    expect(engine.pendingCount).toBe(0);
  });

  it('does the same for a transport whose send() throws instead of rejecting', async () => {
    const engine = await engineWhoseSend(() => {
      throw new Error('not writable');
    });
    const answer = engine.request('ping', undefined, { timeoutMs: 60_000 });
    await expect(answer).rejects.toMatchObject({
      name: 'TransportError',
      method: 'ping',
      message: expect.stringContaining('not writable'),
    });
    expect(engine.pendingCount).toBe(0);
  });
});

describe('a request that cannot be made', () => {
  it('rejects, and leaves nothing pending, when its params cannot be read', async () => {
    const { engine } = await setup();
    const params = new Proxy(
      {},
      {
        get() {
          throw new Error('params unreadable');
        },
      },
    );
    const answer = engine.request('slow', params, { onprogress: () => undefined, timeoutMs: 60_000 });
    await expect(answer).rejects.toMatchObject({ name: 'Error', message: 'params unreadable' });
    expect(engine.pendingCount).toBe(0);
  });

  it('fails with what a throwing observer threw, as it is, and sends nothing', async () => {
    const server = new FakeServer();
    const observer = {
      requestSent: () => {
        throw new Error('observer broke');
      },
    };
    const engine = new JsonRpcEngine(server.clientTransport, { server: 'fake', observer });
    await server.clientTransport.start();
    await expect(engine.request('ping', undefined)).rejects.toMatchObject({ name: 'Error', message: 'observer broke' });
    expect(engine.pendingCount).toBe(0);
    expect(server.received).toEqual([]);
  });
});

describe('the ids of answers', () => {
  it('matches an answer to a request only by the number it was sent with, not by a string of it', async () => {
    const { server, engine, errors } = await setup();
    server.handle('hang', () => new Promise(() => undefined));
    const pending = engine.request('hang', {});
    await new Promise((r) => setTimeout(r, 2));
    const sent = server.received.find((m) => 'method' in m && m.method === 'hang');
    const id = sent !== undefined && 'id' in sent ? sent.id : undefined;
    expect(typeof id).toBe('number');
    server.sendRaw({ jsonrpc: '2.0', id: String(id), result: { wrong: true } });
    await new Promise((r) => setTimeout(r, 2));
    expect(engine.pendingCount).toBe(1);
    server.sendRaw({ jsonrpc: '2.0', id, result: { right: true } });
    await expect(pending).resolves.toEqual({ right: true });
    expect(errors).toEqual([]);
  });
});
