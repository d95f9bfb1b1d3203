import { AUTH_RETRY_LIMIT, AuthError, TransportError, type AuthProvider } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import type { SseFetch, SseFetchInit, SseFetchResponse } from './fetch.js';
import { HttpClient } from './http-client.js';

function response(status: number, headers: Record<string, string> = {}): SseFetchResponse {
  return { status, statusText: '', headers: new Headers(headers), body: null };
}

/** A fetch answering with `statuses` in turn, recording what it was given. */
function scripted(...statuses: number[]): SseFetch & { calls: SseFetchInit[] } {
  const calls: SseFetchInit[] = [];
  const fetch = (_url: string, init: SseFetchInit): Promise<SseFetchResponse> => {
    calls.push(init);
    const status = statuses[calls.length - 1] ?? 200;
    return Promise.resolve(response(status, status === 401 ? { 'www-authenticate': 'Bearer realm="mcp"' } : {}));
  };
  return Object.assign(fetch, { calls });
}

const url = new URL('http://127.0.0.1:1/sse');
const get = (signal = new AbortController().signal) => ({ method: 'GET' as const, url, headers: { accept: 'text/event-stream' }, signal });

describe('HttpClient', () => {
  it("sends the user's headers, then the provider's, then the protocol's, each name once", async () => {
    const fetch = scripted(200);
    const client = new HttpClient({
      fetch,
      headers: { 'X-Trace': 'abc', Authorization: 'from user', Accept: 'text/html' },
      authProvider: { headers: () => ({ Authorization: 'Bearer from-provider' }) },
      server: undefined,
    });
    await client.request(get());
    expect(fetch.calls[0]?.headers).toEqual({ 'x-trace': 'abc', authorization: 'Bearer from-provider', accept: 'text/event-stream' });
  });

  it('asks the provider again after a 401 it says it fixed, and retries once', async () => {
    const fetch = scripted(401, 200);
    let token = 'old';
    const seen: unknown[] = [];
    const authProvider: AuthProvider = {
      headers: () => ({ authorization: `Bearer ${token}` }),
      onUnauthorized: (context) => {
        seen.push(context);
        token = 'new';
        return true;
      },
    };
    const result = await new HttpClient({ fetch, headers: {}, authProvider, server: undefined }).request(get());
    expect(result.status).toBe(200);
    expect(fetch.calls.map((c) => c.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
    expect(seen).toMatchObject([{ url, method: 'GET', status: 401, wwwAuthenticate: 'Bearer realm="mcp"', attempt: 0 }]);
  });

  it('fails with an AuthError when every retry is refused too', async () => {
    const fetch = scripted(403, 403, 403, 403, 200);
    const client = new HttpClient({ fetch, headers: {}, authProvider: { headers: () => ({}), onUnauthorized: () => true }, server: 'srv' });
    const error: unknown = await client.request(get()).catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, url: url.href, server: 'srv' });
    expect(fetch.calls).toHaveLength(AUTH_RETRY_LIMIT + 1);
  });

  it('fails with an AuthError at once without a provider that can fix it', async () => {
    const fetch = scripted(401, 200);
    const error: unknown = await new HttpClient({ fetch, headers: {}, authProvider: undefined, server: undefined }).request(get()).catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, wwwAuthenticate: 'Bearer realm="mcp"' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('turns a network failure into a retryable TransportError with the reason undici hides in cause', async () => {
    const fetch: SseFetch = () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) }));
    const error: unknown = await new HttpClient({ fetch, headers: {}, authProvider: undefined, server: undefined }).request(get()).catch((e: unknown) => e);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, status: undefined, target: url.href });
    expect((error as Error).message).toContain('ECONNREFUSED 127.0.0.1:1');
  });

  it("rejects with the signal's reason when the request was aborted", async () => {
    const controller = new AbortController();
    const reason = new Error('closing');
    const fetch: SseFetch = () => {
      controller.abort(reason);
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    };
    await expect(new HttpClient({ fetch, headers: {}, authProvider: undefined, server: undefined }).request(get(controller.signal))).rejects.toBe(reason);
  });

  it('wraps a failing auth provider in a TransportError naming the URL', async () => {
    const authProvider: AuthProvider = {
      headers: () => {
        throw new Error('token store locked');
      },
    };
    const error: unknown = await new HttpClient({ fetch: scripted(200), headers: {}, authProvider, server: undefined }).request(get()).catch((e: unknown) => e);
    expect(TransportError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`the auth provider failed for ${url.href}: token store locked`);
  });
});
