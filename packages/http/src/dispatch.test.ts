import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer } from '@mcpx/test-utils';
import { Agent, MockAgent, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError } from './body.js';
import { dispatch, targetOf } from './dispatch.js';
import { Exchange } from './exchange.js';
import type { HttpResponse } from './http-response.js';
import { keptRequestBody } from './request-body.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // A cleanup that fails must not keep the others from running.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function serve(handler: FakeHandler): Promise<FakeHttpServer> {
  const server = await startFakeHttpServer(handler);
  cleanups.push(() => server.close());
  return server;
}

function agent(): Agent {
  const created = new Agent();
  cleanups.push(() => created.close());
  return created;
}

/** A MockAgent that refuses the network, closed after the test. */
function mockAgent(): MockAgent {
  const mock = new MockAgent();
  mock.disableNetConnect();
  cleanups.push(() => mock.close());
  return mock;
}

const GET = { method: 'GET', headers: {}, body: undefined };

function get(dispatcher: Agent, url: string, exchange = new Exchange()): Promise<HttpResponse> {
  return dispatch(dispatcher, targetOf(new URL(url)), { method: 'GET', headers: {}, body: undefined }, exchange);
}

async function readAll(response: HttpResponse): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('dispatch', () => {
  it('answers with the status, lower-cased headers (repeated ones joined) and the body as text', async () => {
    const server = await serve((_, response) => {
      response.writeHead(201, 'Made', ['Content-Type', 'application/json', 'X-Twice', 'a', 'X-Twice', 'b']);
      response.end('\uFEFF{"ok":true}');
    });
    const response = await get(agent(), server.url());
    expect(response).toMatchObject({ status: 201, statusText: 'Made', headers: { 'content-type': 'application/json', 'x-twice': 'a, b' } });
    expect(await response.body.text(1024)).toBe('{"ok":true}');
  });

  it('decodes a body that came in several chunks as one: a leading BOM dropped, characters split across chunks kept, bad bytes replaced', async () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFF["é', 'utf8'), Buffer.from('€ 𝄞', 'utf8'), Buffer.from([0xff]), Buffer.from('"]')]);
    // Cut inside the BOM, inside "é", inside "€" and inside "𝄞" (decode-chunks.test.ts cuts everywhere).
    const cuts = [0, 2, 6, 9, 13, bytes.length];
    const server = await serve(async (_, response) => {
      response.writeHead(200, ['Content-Type', 'application/json']);
      for (let i = 0; i + 1 < cuts.length; i++) {
        response.write(bytes.subarray(cuts[i], cuts[i + 1]));
        await tick(5);
      }
      response.end();
    });
    const expected = new TextDecoder().decode(bytes);
    // Read while it streams, and once it has all arrived.
    expect(await (await get(agent(), server.url())).body.text(1024)).toBe(expected);
    const late = await get(agent(), server.url());
    await tick(100);
    expect(await late.body.text(1024)).toBe(expected);
    expect(JSON.parse(expected)).toEqual(['é€ 𝄞\uFFFD']);
  });

  it('sends the method, headers and body, to the path with its query', async () => {
    const server = await serve((_, response) => void response.writeHead(204).end());
    const hop = { method: 'POST', headers: { 'content-type': 'application/json', 'x-trace': '7' }, body: '{"a":1}' };
    await dispatch(agent(), targetOf(new URL(server.url('/mcp?tenant=a'))), hop, new Exchange());
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/mcp?tenant=a',
      body: '{"a":1}',
      headers: { 'x-trace': '7', 'content-type': 'application/json' },
    });
  });

  it('sends a large body whole, with its length in bytes, and keeps its bytes past the request', async () => {
    const server = await serve((_, response) => void response.writeHead(204).end());
    const body = JSON.stringify({ text: 'é€𝄞 '.repeat(40 * 1024) });
    const hop = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    // What undici sends is the buffer kept, not a text it encodes (and frees) itself.
    const sent: unknown[] = [];
    const onCreate = (message: unknown) => void sent.push((message as { request: { body: unknown } }).request.body);
    subscribe('undici:request:create', onCreate);
    cleanups.push(async () => unsubscribe('undici:request:create', onCreate));
    await dispatch(agent(), targetOf(new URL(server.url('/mcp'))), hop, new Exchange());
    expect(server.requests[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(server.requests[0]?.body).toBe(body);
    expect(keptRequestBody()?.equals(Buffer.from(body))).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBe(keptRequestBody());
  });

  it('gives a large body as its text to a dispatcher of another kind: a MockAgent matches it as a string', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    cleanups.push(() => mock.close());
    const body = JSON.stringify({ text: 'x'.repeat(100 * 1024) });
    mock.get('http://mcp.test').intercept({ path: '/mcp', method: 'POST', body }).reply(200, 'matched');
    const hop = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    const response = await dispatch(mock, targetOf(new URL('http://mcp.test/mcp')), hop, new Exchange());
    expect(await response.body.text(1024)).toBe('matched');
  });

  it('streams a body much larger than what it buffers, in order, however slowly it is read', async () => {
    const block = (n: number) => Buffer.alloc(16 * 1024, n % 256);
    const server = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let n = 0; n < 64; n++) response.write(block(n));
      response.end();
    });
    const response = await get(agent(), server.url());
    await tick(100);
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body) {
      chunks.push(chunk);
      if (chunks.length % 8 === 0) await tick(1);
    }
    const body = Buffer.concat(chunks);
    expect(body.length).toBe(64 * 16 * 1024);
    for (let n = 0; n < 64; n++) expect(body[n * 16 * 1024]).toBe(n % 256);
  });

  it('asks undici to pause only for chunks left unread past 64 KiB, never for one a reader is waiting for', async () => {
    let handler: Dispatcher.DispatchHandler | undefined;
    const recorder = {
      dispatch: (_options: Dispatcher.DispatchOptions, given: Dispatcher.DispatchHandler) => {
        handler = given;
        return true;
      },
    } as unknown as Dispatcher;
    const answer = dispatch(
      recorder,
      targetOf(new URL('http://127.0.0.1:1/mcp')),
      { method: 'GET', headers: {}, body: undefined },
      new Exchange(),
    );
    handler?.onHeaders?.(200, [], () => undefined, 'OK');
    const response = await answer;
    const chunk = Buffer.alloc(64 * 1024);
    const reader = response.body[Symbol.asyncIterator]();
    const first = reader.next();
    await tick(0);
    expect(handler?.onData?.(chunk)).toBe(true);
    await first;
    expect(handler?.onData?.(chunk)).toBe(true);
    expect(handler?.onData?.(chunk)).toBe(false);
  });

  it('refuses a body past maxBytes as it streams, and lets the connection go', async () => {
    let closed = false;
    const server = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => response.write('x'.repeat(1024)), 1);
      response.on('close', () => {
        closed = true;
        clearInterval(timer);
      });
    });
    const response = await get(agent(), server.url());
    await expect(response.body.text(8 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect.poll(() => closed).toBe(true);
  });

  it('gives the whole body at once only when all of it has arrived and fits, and otherwise leaves it for text()', async () => {
    let finish: (() => void) | undefined;
    const server = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"a":');
      finish = () => response.end('1}');
    });
    const response = await get(agent(), server.url());
    await tick();
    expect(response.body.textIfEnded?.(1024)).toBeUndefined();
    finish?.();
    await expect.poll(() => response.body.textIfEnded?.(1024)).toBe('{"a":1}');

    // Arrived whole (a MockAgent answers at once) but past maxBytes: nothing, and the body left as it was.
    const mock = mockAgent();
    mock.get('http://mcp.test').intercept({ path: '/mcp', method: 'GET' }).reply(200, '{"a":1}').times(2);
    const large = await dispatch(mock, targetOf(new URL('http://mcp.test/mcp')), GET, new Exchange());
    expect(large.body.textIfEnded?.(4)).toBeUndefined();
    expect(large.body.textIfEnded?.(1024)).toBe('{"a":1}');
    const refused = await dispatch(mock, targetOf(new URL('http://mcp.test/mcp')), GET, new Exchange());
    expect(refused.body.textIfEnded?.(4)).toBeUndefined();
    await expect(refused.body.text(4)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('keeps the connection of a body read to its end, and closes that of a body let go early', async () => {
    const closed: Record<string, boolean> = {};
    const server = await serve((request, response) => {
      closed[request.path] = false;
      response.socket?.once('close', () => {
        closed[request.path] = true;
      });
      response.writeHead(200, { 'content-type': 'text/plain' });
      if (request.path === '/endless') response.write('start');
      else response.end('done');
    });
    const dispatcher = agent();
    const finished = await get(dispatcher, server.url('/short'));
    expect(await finished.body.text(100)).toBe('done');
    await tick(50);
    expect(closed['/short']).toBe(false);
    const endless = await get(dispatcher, server.url('/endless'));
    endless.body.cancel();
    await expect.poll(() => closed['/endless']).toBe(true);
  });

  it('rejects with the reason when the exchange aborts before the answer, and the server sees the request go', async () => {
    let closed = false;
    const server = await serve((_, response) => {
      response.on('close', () => {
        closed = true;
      });
    });
    const exchange = new Exchange();
    const pending = get(agent(), server.url(), exchange);
    await expect.poll(() => server.requests.length).toBe(1);
    exchange.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect.poll(() => closed).toBe(true);
  });

  it('fails the reading of a body with the reason when the exchange aborts', async () => {
    const server = await serve((_, response) => void response.writeHead(200, { 'content-type': 'text/event-stream' }).write('data: 1\n\n'));
    const exchange = new Exchange();
    const response = await get(agent(), server.url(), exchange);
    const reading = readAll(response);
    await tick();
    exchange.abort(new Error('closed'));
    await expect(reading).rejects.toThrow('closed');
  });

  it('gives what arrived before a connection broke, then the failure', async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: first\n\n', () => setTimeout(() => response.socket?.destroy(), 20));
    });
    const response = await get(agent(), server.url());
    const chunks: string[] = [];
    const error = await (async () => {
      for await (const chunk of response.body) chunks.push(Buffer.from(chunk).toString());
    })().catch((caught: unknown) => caught);
    expect(chunks.join('')).toBe('data: first\n\n');
    expect(error).toBeInstanceOf(Error);
  });

  it('rejects when nothing listens, and at once when the exchange was already aborted', async () => {
    const server = await serve(() => undefined);
    const url = server.url();
    await server.close();
    await expect(get(agent(), url)).rejects.toThrow(/ECONNREFUSED/);
    const exchange = new Exchange();
    exchange.abort(new Error('too late'));
    await expect(get(agent(), url, exchange)).rejects.toThrow('too late');
  });

  it('settles with what its outcome makes of the response', async () => {
    const server = await serve((_, response) => void response.writeHead(204).end());
    const outcome = { answered: (response: HttpResponse) => `got ${response.status}`, unanswered: () => 'none' };
    const hop = { method: 'GET', headers: {}, body: undefined };
    await expect(dispatch(agent(), targetOf(new URL(server.url())), hop, new Exchange(), outcome)).resolves.toBe('got 204');
  });

  it('calls its outcome in a microtask of its own, by which time a small body has arrived whole', async () => {
    // A MockAgent answers inside dispatch(): head, body and end in undici's callbacks, at once.
    const mock = mockAgent();
    mock.get('http://mcp.test').intercept({ path: '/mcp', method: 'GET' }).reply(200, '{"ok":1}');
    let inDispatch = false;
    let calledInDispatch: boolean | undefined;
    let whole: string | undefined;
    const order: string[] = [];
    const outcome = {
      answered: (response: HttpResponse) => {
        order.push('outcome');
        calledInDispatch = inDispatch;
        whole = response.body.textIfEnded?.(1024);
        return response.status;
      },
      unanswered: () => 0,
    };
    inDispatch = true;
    const pending = dispatch(mock, targetOf(new URL('http://mcp.test/mcp')), GET, new Exchange(), outcome);
    inDispatch = false;
    // A microtask queued after dispatch() returned runs after the outcome: it is not put off to a later task.
    queueMicrotask(() => order.push('next microtask'));
    await expect(pending).resolves.toBe(200);
    expect(calledInDispatch).toBe(false);
    expect(order).toEqual(['outcome', 'next microtask']);
    expect(whole).toBe('{"ok":1}');
  });

  it('never calls its outcome inside Exchange.abort(), nor inside dispatch() for an exchange aborted before', async () => {
    const server = await serve(() => undefined);
    const hop = { method: 'GET', headers: {}, body: undefined };
    let inside = false;
    const calls: boolean[] = [];
    const outcome = {
      answered: () => 'answered',
      unanswered: (error: unknown) => {
        calls.push(inside);
        return (error as Error).message;
      },
    };
    const exchange = new Exchange();
    const pending = dispatch(agent(), targetOf(new URL(server.url())), hop, exchange, outcome);
    await expect.poll(() => server.requests.length).toBe(1);
    inside = true;
    exchange.abort(new Error('stopped'));
    inside = false;
    await expect(pending).resolves.toBe('stopped');

    inside = true;
    const early = dispatch(agent(), targetOf(new URL(server.url())), hop, exchange, outcome);
    inside = false;
    await expect(early).resolves.toBe('stopped');
    expect(calls).toEqual([false, false]);
  });

  it('settles with what its outcome makes of a failure before any answer', async () => {
    const server = await serve(() => undefined);
    await server.close();
    const outcome = { answered: () => 'answered', unanswered: (error: unknown) => `unanswered: ${(error as Error).name}` };
    const hop = { method: 'GET', headers: {}, body: undefined };
    const settled = await dispatch(agent(), targetOf(new URL(server.url())), hop, new Exchange(), outcome);
    expect(settled).toMatch(/^unanswered: /);
  });
});
