import { AUTH_RETRY_LIMIT, AuthError, TransportError, type AuthProvider, type UnauthorizedContext } from '@mcpx/core';
import { startFakeHttpServer, type FakeHandler, type FakeHttpServer } from '@mcpx/test-utils';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import type { FetchedResponse, RequestFetch, RequestFetchInit } from './fetch.js';
import { HttpClient, isNetworkFailure, sendThen, type HttpAnswer, type HttpClientSettings } from './http-client.js';

const url = new URL('http://127.0.0.1:1/sse');
const scope = { target: url.href, server: 'srv' };

/** A response whose headers offer only `get`, the least a user's `fetch` may return. */
function answer(status: number, headers: Record<string, string> = {}): FetchedResponse {
  const lowered = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { status, statusText: '', headers: { get: (name) => lowered.get(name.toLowerCase()) ?? null }, body: null };
}

/** A fetch answering with `statuses` in turn (401s with a challenge), recording what it was given. */
function scripted(...statuses: number[]): RequestFetch & { calls: Array<{ url: string; init: RequestFetchInit }> } {
  const calls: Array<{ url: string; init: RequestFetchInit }> = [];
  const fetch: RequestFetch = (target, init) => {
    calls.push({ url: target, init });
    const status = statuses[calls.length - 1] ?? 200;
    return Promise.resolve(answer(status, status === 401 ? { 'WWW-Authenticate': 'Bearer realm="mcp"' } : {}));
  };
  return Object.assign(fetch, { calls });
}

function client(settings: Partial<HttpClientSettings>): HttpClient {
  return new HttpClient(
    {
      url,
      headers: {},
      secretHeaders: new Set(),
      authProvider: undefined,
      fetch: undefined,
      dispatcher: undefined,
      requestInit: {},
      maxRedirects: 5,
      ...settings,
    },
    scope,
  );
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // A cleanup that fails must not keep the others from running.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** A server and a client sending to its `/mcp` straight through an undici dispatcher (no `fetch`), as the transport does by default. */
async function dispatched(
  handler: FakeHandler,
  settings: Partial<HttpClientSettings> = {},
  agent: Agent.Options = {},
): Promise<{ server: FakeHttpServer; http: HttpClient }> {
  const server = await startFakeHttpServer(handler);
  const dispatcher = new Agent(agent);
  cleanups.push(
    () => server.close(),
    () => dispatcher.close(),
  );
  return { server, http: client({ url: new URL(server.url()), dispatcher, ...settings }) };
}

const get = (exchange = new Exchange()) => ({ method: 'GET' as const, headers: { accept: 'text/event-stream' }, exchange });

describe('HttpClient', () => {
  it("sends the configured headers, then the provider's, then the transport's, each name once in lower case", async () => {
    const fetch = scripted(200);
    const authProvider: AuthProvider = { headers: () => ({ Authorization: 'Bearer from-provider' }) };
    await client({ fetch, headers: { 'x-trace': 'abc', authorization: 'from user', accept: 'text/html' }, authProvider }).send(get());
    expect(fetch.calls[0]?.init).toMatchObject({
      method: 'GET',
      redirect: 'manual',
      headers: { 'x-trace': 'abc', authorization: 'Bearer from-provider', accept: 'text/event-stream' },
    });
  });

  it('sends a request that names its URL there, and tells the provider that URL', async () => {
    const fetch = scripted(200);
    const told: string[] = [];
    const authProvider: AuthProvider = { headers: (context) => (told.push(`${context.method} ${context.url.href}`), {}) };
    const endpoint = new URL('http://127.0.0.1:1/message?sessionId=s1');
    await client({ fetch, authProvider }).send({ method: 'POST', url: endpoint, headers: {}, body: '{}', exchange: new Exchange() });
    await client({ fetch, authProvider }).send(get());
    expect(fetch.calls.map((call) => call.url)).toEqual([endpoint.href, url.href]);
    expect(told).toEqual([`POST ${endpoint.href}`, `GET ${url.href}`]);
  });

  it('asks the provider again after a 401 it says it fixed, and retries', async () => {
    const fetch = scripted(401, 200);
    let token = 'old';
    const refusals: UnauthorizedContext[] = [];
    const authProvider: AuthProvider = {
      headers: () => ({ authorization: `Bearer ${token}` }),
      onUnauthorized: (context) => {
        refusals.push(context);
        token = 'new';
        return true;
      },
    };
    const { response } = await client({ fetch, authProvider }).send(get());
    expect(response.status).toBe(200);
    expect(fetch.calls.map((call) => call.init.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
    expect(refusals).toMatchObject([
      { url, method: 'GET', status: 401, wwwAuthenticate: 'Bearer realm="mcp"', attempt: 0, sent: { authorization: 'Bearer old' } },
    ]);
    expect(refusals[0]?.header('www-authenticate')).toBe('Bearer realm="mcp"');
  });

  it('fails with an AuthError when every retry is refused too', async () => {
    const fetch = scripted(403, 403, 403, 403, 200);
    const error: unknown = await client({ fetch, authProvider: { headers: () => ({}), onUnauthorized: () => true } })
      .send(get())
      .catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, url: url.href, server: 'srv' });
    expect(fetch.calls).toHaveLength(AUTH_RETRY_LIMIT + 1);
  });

  it('fails with an AuthError at once without a provider that can fix it', async () => {
    const fetch = scripted(401, 200);
    const error: unknown = await client({ fetch })
      .send(get())
      .catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, wwwAuthenticate: 'Bearer realm="mcp"' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('turns a network failure into a retryable TransportError with the reason and code fetch hides in cause', async () => {
    const fetch: RequestFetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' }) }));
    const error: unknown = await client({ fetch })
      .send(get())
      .catch((e: unknown) => e);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(isNetworkFailure(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, status: undefined, target: url.href });
    expect((error as Error).message).toContain(`could not reach ${url.href}: connect refused (ECONNREFUSED)`);
  });

  it("rejects with the exchange's reason when the request was aborted", async () => {
    const exchange = new Exchange();
    const reason = new Error('closing');
    const fetch: RequestFetch = () => {
      exchange.abort(reason);
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    };
    await expect(client({ fetch }).send(get(exchange))).rejects.toBe(reason);
  });

  it('wraps a failing auth provider in a TransportError naming the request', async () => {
    const authProvider: AuthProvider = {
      headers: () => {
        throw new Error('token store locked');
      },
    };
    const fetch = scripted(200);
    const error: unknown = await client({ fetch, authProvider })
      .send(get())
      .catch((e: unknown) => e);
    expect(TransportError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`the auth provider's headers() failed for GET ${url.href}: token store locked`);
    expect(fetch.calls).toHaveLength(0);
  });

  it('follows a redirect through the dispatcher for a request without a provider', async () => {
    const { server, http } = await dispatched((request, response) => {
      if (request.path === '/mcp') response.writeHead(307, { location: '/moved' }).end();
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('here');
    });
    const { response, url: answered } = await http.send(get());
    expect(response.status).toBe(200);
    expect(answered.href).toBe(server.url('/moved'));
    expect(await response.body.text(1024)).toBe('here');
  });

  it('fails with an AuthError through the dispatcher when a request without a provider is refused', async () => {
    const { http } = await dispatched((_, response) => void response.writeHead(401, { 'www-authenticate': 'Bearer realm="mcp"' }).end());
    const error: unknown = await http.send(get()).catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, wwwAuthenticate: 'Bearer realm="mcp"' });
  });

  it("hands sendThen's handler the answer, and settles with what the handler makes of it", async () => {
    const { http } = await dispatched((_, response) => void response.writeHead(202).end());
    const handler = { answered: ({ response }: HttpAnswer) => `answered ${response.status}`, failed: () => 'failed' };
    await expect(sendThen(http, get(), handler)).resolves.toBe('answered 202');
  });

  it("hands sendThen's handler a request that got no answer as the retryable TransportError send rejects with", async () => {
    const { server, http } = await dispatched(() => undefined);
    await server.close();
    const handler = { answered: (): unknown => 'answered', failed: (error: unknown) => error };
    const failure = await sendThen(http, get(), handler);
    expect(isNetworkFailure(failure)).toBe(true);
    expect(failure).toMatchObject({ isRetryable: true });
  });

  describe.each([
    ['without an auth provider', {}],
    ['with an auth provider', { authProvider: { headers: () => ({}) } }],
  ])("when sendThen's handler throws %s", (_, settings: Partial<HttpClientSettings>) => {
    it('rejects with what it threw and lets go of the body, so the one connection serves the next request', async () => {
      // A body far past what undici buffers unread: left unread, it would hold the connection.
      const large = 'x'.repeat(4 * 1024 * 1024);
      const { http } = await dispatched(
        (request, response) => void response.writeHead(200).end(request.headers['x-first'] === 'yes' ? large : 'next'),
        settings,
        { connections: 1 },
      );
      const mistake = new Error('handler bug');
      const handler = {
        answered: (): never => {
          throw mistake;
        },
        failed: (error: unknown) => error,
      };
      const first = { ...get(), headers: { 'x-first': 'yes' } };
      await expect(sendThen(http, first, handler)).rejects.toBe(mistake);
      const { response } = await http.send(get());
      expect(await response.body.text(1024)).toBe('next');
    });
  });
});
