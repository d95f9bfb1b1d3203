import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { fromFetchResponse } from './fetch-response.js';
import type { HttpResponse } from './http-response.js';
import { followRedirects, type HopRequest } from './redirects.js';

const scope = { target: 'http://a.test/mcp', server: undefined };
const secrets = new Set(['authorization', 'x-api-key']);

function redirect(status: number, location: string | undefined): Response {
  return new Response(null, { status, headers: location === undefined ? {} : { location } });
}

/** A server that answers each URL from `routes`, recording what it received. */
function serve(routes: Record<string, () => Response>) {
  const received: Array<{ url: string } & HopRequest> = [];
  const send = async (url: URL, request: HopRequest): Promise<HttpResponse> => {
    received.push({ url: url.href, ...request });
    const route = routes[url.href];
    if (route === undefined) throw new Error(`unexpected ${url.href}`);
    return fromFetchResponse(route());
  };
  return { send, received };
}

const post: HopRequest = {
  method: 'POST',
  headers: { authorization: 'Bearer t', 'x-api-key': 'k', 'x-trace': '1', 'content-type': 'application/json' },
  body: '{}',
};

describe('followRedirects', () => {
  it('keeps credentials, method and body on a same-origin 307', async () => {
    const { send, received } = serve({
      'http://a.test/mcp': () => redirect(307, '/v2/mcp'),
      'http://a.test/v2/mcp': () => new Response('ok'),
    });
    const { url } = await followRedirects(send, new URL('http://a.test/mcp'), post, { secrets, maxRedirects: 5, scope });
    expect(url.href).toBe('http://a.test/v2/mcp');
    expect(received[1]).toEqual({ url: 'http://a.test/v2/mcp', ...post });
  });

  it('drops credentials once the chain leaves the origin, even when it comes back', async () => {
    const { send, received } = serve({
      'http://a.test/mcp': () => redirect(308, 'http://b.test/mcp'),
      'http://b.test/mcp': () => redirect(307, 'http://a.test/back'),
      'http://a.test/back': () => new Response('ok'),
    });
    await followRedirects(send, new URL('http://a.test/mcp'), post, { secrets, maxRedirects: 5, scope });
    for (const hop of received.slice(1)) {
      expect(hop).toMatchObject({ method: 'POST', body: '{}', headers: { 'x-trace': '1', 'content-type': 'application/json' } });
      expect(hop.headers).not.toHaveProperty('authorization');
      expect(hop.headers).not.toHaveProperty('x-api-key');
    }
  });

  it('turns a POST into a GET without body on 303, 302 and 301', async () => {
    for (const status of [301, 302, 303]) {
      const { send, received } = serve({
        'http://a.test/mcp': () => redirect(status, '/other'),
        'http://a.test/other': () => new Response('ok'),
      });
      await followRedirects(send, new URL('http://a.test/mcp'), post, { secrets, maxRedirects: 5, scope });
      expect(received[1]).toMatchObject({ method: 'GET', body: undefined });
      expect(received[1]?.headers).not.toHaveProperty('content-type');
    }
  });

  it('returns a 3xx without Location as the final answer', async () => {
    const { send } = serve({ 'http://a.test/mcp': () => redirect(302, undefined) });
    const { response } = await followRedirects(send, new URL('http://a.test/mcp'), post, { secrets, maxRedirects: 5, scope });
    expect(response.status).toBe(302);
  });

  it('fails after maxRedirects, on a bad Location, and on a non-HTTP target', async () => {
    const loop = serve({ 'http://a.test/mcp': () => redirect(307, '/mcp') });
    await expect(followRedirects(loop.send, new URL('http://a.test/mcp'), post, { secrets, maxRedirects: 2, scope })).rejects.toThrow(
      'more than 2 redirects',
    );
    expect(loop.received).toHaveLength(3);
    const bad = serve({ 'http://a.test/mcp': () => redirect(307, 'http://[::1') });
    await expect(followRedirects(bad.send, new URL('http://a.test/mcp'), post, { secrets, maxRedirects: 5, scope })).rejects.toSatisfy(
      TransportError.isInstance,
    );
    const file = serve({ 'http://a.test/mcp': () => redirect(307, 'file:///etc/passwd') });
    await expect(followRedirects(file.send, new URL('http://a.test/mcp'), post, { secrets, maxRedirects: 5, scope })).rejects.toThrow(
      'file: URL, which is not followed',
    );
  });
});
