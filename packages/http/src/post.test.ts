import type { ServerResponse } from 'node:http';
import type { JsonRpcMessage } from '@mcpx/core';
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer, type RecordedRequest } from '@mcpx/test-utils';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamSink } from './consume.js';
import { Exchange } from './exchange.js';
import { HttpClient } from './http-client.js';
import { resolveOptions } from './options.js';
import { postMessage, type PostContext, type PostOptions } from './post.js';
import { Session } from './session.js';

/** What `PostContext.settled` was told, in order. */
type Told = Array<{ told: 'sent' | 'failed'; options: PostOptions; error?: unknown }>;

/** A POST's context on `server`, whose `settled` records what it is told. */
interface Harness {
  context: PostContext;
  told: Told;
  received: JsonRpcMessage[];
  session: Session;
  /** The expired session ids `renewSession` was asked to replace. */
  renewals: string[];
  /** Makes `pendingRenewal` answer `renewal` until it settles. */
  renewing(renewal: Promise<void>): void;
  options(exchange?: Exchange): PostOptions;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // A cleanup that fails must not keep the others from running.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function harness(handler: FakeHandler): Promise<{ server: FakeHttpServer } & Harness> {
  const server = await startFakeHttpServer(handler);
  const dispatcher = new Agent();
  cleanups.push(
    () => server.close(),
    () => dispatcher.close(),
  );
  // Retries without a wait: what is tested is how often the POST tells its context, not when.
  const resolved = resolveOptions(server.url(), { dispatcher, retry: { backoff: () => 0 } });
  const scope = { target: resolved.url.href, server: 'srv' };
  const session = new Session();
  const told: Told = [];
  const received: JsonRpcMessage[] = [];
  const renewals: string[] = [];
  let pending: Promise<void> | undefined;
  const sink: StreamSink = { message: (message) => void received.push(message), error: () => undefined };
  const context: PostContext = {
    http: new HttpClient(resolved, scope),
    session,
    scope,
    retry: resolved.retry,
    reconnect: { ...resolved.reconnect, maxRetryAfterMs: resolved.retry.maxRetryAfterMs },
    maxEventBytes: resolved.maxEventBytes,
    renewSession: (expired) => {
      renewals.push(expired);
      session.id = 'renewed';
      return Promise.resolve();
    },
    pendingRenewal: () => pending,
    settled: {
      sent: (options) => void told.push({ told: 'sent', options }),
      failed: (options, error) => {
        told.push({ told: 'failed', options, error });
        return new Error('as the transport makes it', { cause: error });
      },
    },
  };
  return {
    server,
    context,
    told,
    received,
    session,
    renewals,
    renewing: (renewal) => {
      pending = renewal;
      // The test settles the renewal itself and awaits the POST waiting for it: this only clears it.
      void renewal.finally(() => {
        pending = undefined;
      });
    },
    options: (exchange = new Exchange()) => ({ exchange, sink }),
  };
}

const ping: JsonRpcMessage = { jsonrpc: '2.0', id: 1, method: 'ping' };

/** Answers a request's POST with an empty result, as JSON. */
function answerPing(request: RecordedRequest, response: ServerResponse): void {
  response
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ jsonrpc: '2.0', id: (request.json as { id: number }).id, result: {} }));
}

/** Waits for the turns after a POST settled, in which a second, wrong, call to `settled` would come. */
const afterwards = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("a POST tells its context's settled exactly once", () => {
  it('that it was sent, when its request is answered with a 2xx', async () => {
    const { context, told, received, options } = await harness(answerPing);
    const post = options();
    await postMessage(context, ping, post);
    await afterwards();
    expect(told).toEqual([{ told: 'sent', options: post }]);
    expect(received).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
  });

  it('that it failed, when its request is refused with a 4xx, and rejects with what settled.failed returned', async () => {
    const { context, told, options } = await harness((_, response) => void response.writeHead(400).end('no'));
    const post = options();
    const error: unknown = await postMessage(context, ping, post).catch((e: unknown) => e);
    await afterwards();
    expect(told).toMatchObject([{ told: 'failed', options: post }]);
    expect(error).toMatchObject({ message: 'as the transport makes it', cause: told[0]?.error });
    expect(told[0]?.error).toMatchObject({ status: 400 });
  });

  it('that it was sent, when a network failure was retried and the retry answered', async () => {
    let attempts = 0;
    const { context, told, options, server } = await harness((request, response) => {
      attempts++;
      if (attempts === 1) response.socket?.destroy();
      else answerPing(request, response);
    });
    const post = options();
    await postMessage(context, ping, post);
    await afterwards();
    expect(server.requests).toHaveLength(2);
    expect(told).toEqual([{ told: 'sent', options: post }]);
  });

  it('that it was sent, when its session expired (404), was renewed and the message sent again', async () => {
    const { context, told, options, session, renewals, server } = await harness((request, response) => {
      if (request.headers['mcp-session-id'] === 'expired') response.writeHead(404).end();
      else answerPing(request, response);
    });
    session.id = 'expired';
    const post = options();
    await postMessage(context, ping, post);
    await afterwards();
    expect(renewals).toEqual(['expired']);
    expect(server.requests.map((request) => request.headers['mcp-session-id'])).toEqual(['expired', 'renewed']);
    expect(told).toEqual([{ told: 'sent', options: post }]);
  });

  it('that it was sent, when it first waited for a session renewal under way', async () => {
    const { context, told, options, session, renewing, server } = await harness(answerPing);
    session.id = 'expired';
    let renewed!: () => void;
    renewing(
      new Promise<void>((resolve) => {
        renewed = resolve;
      }),
    );
    const post = options();
    const posted = postMessage(context, ping, post);
    await afterwards();
    expect(server.requests).toHaveLength(0);
    session.id = 'renewed';
    renewed();
    await posted;
    await afterwards();
    expect(server.requests.map((request) => request.headers['mcp-session-id'])).toEqual(['renewed']);
    expect(told).toEqual([{ told: 'sent', options: post }]);
  });

  it('that it failed, when the message cannot be serialised, and sends nothing', async () => {
    const { context, told, options, server } = await harness(answerPing);
    const post = options();
    const unserialisable = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'add', arguments: { n: 1n } } } as const;
    const error: unknown = await postMessage(context, unserialisable as unknown as JsonRpcMessage, post).catch((e: unknown) => e);
    await afterwards();
    expect(told).toMatchObject([{ told: 'failed', options: post }]);
    expect((told[0]?.error as Error).message).toContain('the message could not be serialised as JSON');
    expect(error).toMatchObject({ message: 'as the transport makes it' });
    expect(server.requests).toHaveLength(0);
  });

  it('that it failed, when its exchange was aborted before the request was dispatched, and sends nothing', async () => {
    const { context, told, options, server } = await harness(answerPing);
    const exchange = new Exchange();
    const reason = new Error('the caller gave up');
    exchange.abort(reason);
    const post = options(exchange);
    await expect(postMessage(context, ping, post)).rejects.toMatchObject({ message: 'as the transport makes it' });
    await afterwards();
    expect(told).toEqual([{ told: 'failed', options: post, error: reason }]);
    expect(server.requests).toHaveLength(0);
  });
});
