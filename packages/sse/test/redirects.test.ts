import { AuthError, type AuthProvider, type UnauthorizedContext } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import type { SseTransportOptions } from '../src/index.js';
import { accept, openWithEndpoint, startFake } from './fake-server.js';
import { recorded, request } from './recording.js';

/** What an OAuth provider with DPoP sends, plus an API key of a custom provider. */
const CREDENTIALS = { authorization: 'DPoP at-1', dpop: 'proof-of-possession', 'x-api-key': 'key-1' };

/** A provider that sends `CREDENTIALS` on every request. */
const provider: AuthProvider = { headers: () => CREDENTIALS };

const fetches: Array<[string, SseTransportOptions]> = [
  ["undici's dispatcher", {}],
  ['a user-supplied fetch', { fetch: globalThis.fetch }],
];

describe('a redirect', () => {
  it.each(fetches)(
    'of a POST to another origin carries no credentials, the method and body kept by 307 (through %s)',
    async (_, options) => {
      const other = await startFake({ POST: accept });
      const server = await startFake({
        GET: (_req, res) => openWithEndpoint(res, '/message'),
        POST: (_req, res) => void res.writeHead(307, { location: other.url('/elsewhere') }).end(),
      });
      const { transport } = recorded(server.url('/sse'), {
        ...options,
        authProvider: provider,
        headers: { 'x-trace': 'trace-1', cookie: 'session=1' },
      });
      await transport.start();
      await transport.send(request('ping'));

      expect(server.requestsOf('POST')[0]?.headers).toMatchObject({ ...CREDENTIALS, cookie: 'session=1' });
      const [moved] = other.requestsOf('POST');
      expect(moved?.path).toBe('/elsewhere');
      expect(moved?.json).toEqual(request('ping'));
      expect(moved?.headers['x-trace']).toBe('trace-1');
      for (const name of [...Object.keys(CREDENTIALS), 'cookie']) expect(moved?.headers).not.toHaveProperty(name);
    },
  );

  it('of the event stream to another origin carries no credentials', async () => {
    const other = await startFake({ GET: (_req, res) => openWithEndpoint(res, '/message') });
    const server = await startFake({
      GET: (_req, res) => void res.writeHead(302, { location: other.url('/sse') }).end(),
      POST: accept,
    });
    const { transport } = recorded(server.url('/sse'), { authProvider: provider });
    await transport.start();

    expect(server.requestsOf('GET')[0]?.headers).toMatchObject(CREDENTIALS);
    const [moved] = other.requestsOf('GET');
    expect(moved?.headers.accept).toBe('text/event-stream');
    for (const name of Object.keys(CREDENTIALS)) expect(moved?.headers).not.toHaveProperty(name);
  });

  it('within the origin keeps the credentials', async () => {
    const server = await startFake({
      GET: (_req, res) => openWithEndpoint(res, '/old'),
      POST: (req, res, count) => (req.path === '/old' ? void res.writeHead(308, { location: '/message' }).end() : accept(req, res, count)),
    });
    const { transport } = recorded(server.url('/sse'), { authProvider: provider });
    await transport.start();
    await transport.send(request('ping'));

    expect(server.requestsOf('POST').map((r) => [r.path, r.headers.dpop, r.headers['x-api-key']])).toEqual([
      ['/old', CREDENTIALS.dpop, CREDENTIALS['x-api-key']],
      ['/message', CREDENTIALS.dpop, CREDENTIALS['x-api-key']],
    ]);
  });

  it("to another origin that refuses with 401 is reported with that origin's URL, to the provider and in the AuthError", async () => {
    const other = await startFake({ POST: (_req, res) => void res.writeHead(401, { 'www-authenticate': 'Bearer realm="other"' }).end() });
    const server = await startFake({
      GET: (_req, res) => openWithEndpoint(res, '/message'),
      POST: (_req, res) => void res.writeHead(307, { location: other.url('/elsewhere') }).end(),
    });
    const refusals: UnauthorizedContext[] = [];
    const refusing: AuthProvider = { headers: () => CREDENTIALS, onUnauthorized: (context) => (refusals.push(context), false) };
    const { transport } = recorded(server.url('/sse'), { authProvider: refusing });
    await transport.start();
    const error: unknown = await transport.send(request('ping')).catch((e: unknown) => e);

    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, url: other.url('/elsewhere'), wwwAuthenticate: 'Bearer realm="other"' });
    expect(refusals.map((context) => [context.url.href, context.method, context.sent])).toEqual([
      [other.url('/elsewhere'), 'POST', CREDENTIALS],
    ]);
  });

  it('is followed at most 5 times in a row', async () => {
    const server = await startFake({
      GET: (_req, res) => openWithEndpoint(res, '/message'),
      POST: (_req, res) => void res.writeHead(308, { location: '/again' }).end(),
    });
    const { transport } = recorded(server.url('/sse'));
    await transport.start();

    await expect(transport.send(request('ping'))).rejects.toThrow('more than 5 redirects');
    expect(server.requestsOf('POST')).toHaveLength(6);
  });
});
