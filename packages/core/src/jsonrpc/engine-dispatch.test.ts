import { describe, expect, it } from 'vitest';
import { ErrorCode, ProtocolError } from '../errors/protocol-error.js';
import { FakeServer } from '../testing/fake-server.js';
import type { RequestHandler } from './dispatch.js';
import { JsonRpcEngine, type EngineOptions } from './engine.js';

async function setup() {
  const server = new FakeServer();
  const engine = new JsonRpcEngine(server.clientTransport, { server: 'fake' });
  await server.clientTransport.start();
  return { server, engine };
}

describe('inbound dispatch', () => {
  it('routes a server request to its handler and returns the result', async () => {
    const { server, engine } = await setup();
    engine.setRequestHandler('roots/list', () => ({ roots: [{ uri: 'file:///tmp' }] }));
    await expect(server.request('roots/list')).resolves.toEqual({ roots: [{ uri: 'file:///tmp' }] });
  });

  it('answers an unknown method with -32601', async () => {
    const { server } = await setup();
    await expect(server.request('sampling/createMessage', {})).rejects.toMatchObject({ code: -32601 });
  });

  it('answers a throwing handler with -32603, or with the code of a ProtocolError', async () => {
    const { server, engine } = await setup();
    engine.setRequestHandler('a', () => {
      throw new Error('handler broke');
    });
    engine.setRequestHandler('b', () => {
      throw new ProtocolError({ code: -1, message: 'user declined' });
    });
    await expect(server.request('a')).rejects.toMatchObject({ code: -32603, rawMessage: 'handler broke' });
    await expect(server.request('b')).rejects.toMatchObject({ code: -1, rawMessage: 'user declined' });
  });

  it('aborts a handler when the server cancels its request', async () => {
    const { server, engine } = await setup();
    let aborted: unknown;
    engine.setRequestHandler('elicitation/create', (_params, context) => {
      return new Promise((_resolve, reject) => {
        context.signal.addEventListener('abort', () => {
          aborted = context.signal.reason;
          reject(new Error('aborted'));
        });
      });
    });
    const controller = new AbortController();
    const pending = server.request('elicitation/create', {}, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 2));
    controller.abort('server gave up');
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    await new Promise((r) => setTimeout(r, 2));
    expect(aborted).toBe('server gave up');
  });

  it('routes notifications to method listeners and to the catch-all', async () => {
    const { server, engine } = await setup();
    const seen: string[] = [];
    engine.onNotification('notifications/message', (params) => seen.push(`message:${String(params.data)}`));
    const remove = engine.onNotification('*', (_params, method) => seen.push(method));
    await server.notify('notifications/message', { level: 'info', data: 'hi' });
    await new Promise((r) => setTimeout(r, 2));
    remove();
    await server.notify('notifications/tools/list_changed');
    await new Promise((r) => setTimeout(r, 2));
    expect(seen).toEqual(['message:hi', 'notifications/message']);
  });

  it('routes a notification to every listener of its method, and a removed listener no longer gets it', async () => {
    const { server, engine } = await setup();
    const seen: string[] = [];
    const removeFirst = engine.onNotification('notifications/message', (params) => seen.push(`first:${String(params.data)}`));
    const removeSecond = engine.onNotification('notifications/message', (params) => seen.push(`second:${String(params.data)}`));
    engine.onNotification('notifications/message', (params) => seen.push(`third:${String(params.data)}`));
    await server.notify('notifications/message', { level: 'info', data: 1 });
    await expect.poll(() => seen.length).toBe(3);
    removeFirst();
    removeSecond();
    await server.notify('notifications/message', { level: 'info', data: 2 });
    await expect.poll(() => seen.length).toBe(4);
    expect(seen).toEqual(['first:1', 'second:1', 'third:1', 'third:2']);
  });

  it('stops routing to the only listener of a method once it is removed', async () => {
    const { server, engine } = await setup();
    const seen: string[] = [];
    const remove = engine.onNotification('notifications/message', (params) => seen.push(`only:${String(params.data)}`));
    engine.onNotification('*', (params, method) => seen.push(`${method}:${String(params.data)}`));
    await server.notify('notifications/message', { level: 'info', data: 1 });
    await expect.poll(() => seen.length).toBe(2);
    remove();
    await server.notify('notifications/message', { level: 'info', data: 2 });
    await expect.poll(() => seen.length).toBe(3);
    expect(seen).toEqual(['only:1', 'notifications/message:1', 'notifications/message:2']);
  });

  it('answers from the shared request handler it was given, unless a handler of its own is set for the method', async () => {
    const server = new FakeServer();
    const shared = new Map<string, RequestHandler>([
      ['ping', () => ({ from: 'shared' })],
      ['roots/list', () => ({ roots: [] })],
    ]);
    const engine = new JsonRpcEngine(server.clientTransport, { server: 'fake', sharedRequestHandler: (method) => shared.get(method) });
    await server.clientTransport.start();
    engine.setRequestHandler('roots/list', () => ({ roots: [{ uri: 'file:///own' }] }));
    await expect(server.request('ping')).resolves.toEqual({ from: 'shared' });
    await expect(server.request('roots/list')).resolves.toEqual({ roots: [{ uri: 'file:///own' }] });
  });

  it('keeps a handler one engine sets to itself, not to the others sharing its handler', async () => {
    const sharedHandler = (method: string): RequestHandler | undefined => (method === 'ping' ? () => ({}) : undefined);
    const [first, second] = [new FakeServer(), new FakeServer()];
    const one = new JsonRpcEngine(first.clientTransport, { sharedRequestHandler: sharedHandler });
    new JsonRpcEngine(second.clientTransport, { sharedRequestHandler: sharedHandler });
    await Promise.all([first.clientTransport.start(), second.clientTransport.start()]);
    one.setRequestHandler('ping', () => ({ from: 'one' }));
    one.setRequestHandler('roots/list', () => ({ roots: [] }));
    await expect(first.request('ping')).resolves.toEqual({ from: 'one' });
    await expect(second.request('ping')).resolves.toEqual({});
    await expect(second.request('roots/list')).rejects.toMatchObject({ code: ErrorCode.MethodNotFound });
  });

  it('refuses a shared request handler that is not a function, naming the option', () => {
    const server = new FakeServer();
    const options = { sharedRequestHandler: new Map() } as unknown as EngineOptions;
    expect(() => new JsonRpcEngine(server.clientTransport, options)).toThrow(
      /sharedRequestHandler is not a function \(got object\); give a function/,
    );
  });
});
