import { ConfigError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { defaultReconnectBackoff, defaultRetryBackoff, resolveOptions, type StreamableHttpTransportOptions } from './options.js';

describe('resolveOptions', () => {
  it('applies the documented defaults', () => {
    const resolved = resolveOptions('http://127.0.0.1:3001/mcp');
    expect(resolved).toEqual({
      url: new URL('http://127.0.0.1:3001/mcp'),
      headers: {},
      secretHeaders: new Set(),
      authProvider: undefined,
      fetch: undefined,
      dispatcher: undefined,
      requestInit: {},
      reconnect: { backoff: defaultReconnectBackoff, maxRetries: 5 },
      retry: { maxRetries: 2, retryToolCalls: false, backoff: defaultRetryBackoff, maxRetryAfterMs: 30_000 },
      maxEventBytes: 10 * 1024 * 1024,
      maxRedirects: 5,
      closeTimeoutMs: 2000,
      name: undefined,
    });
  });

  it('lower-cases header names, including the secret ones', () => {
    const resolved = resolveOptions(new URL('https://example.com/mcp#top'), {
      headers: { 'X-Api-Key': 'k' },
      secretHeaders: ['X-Api-Key'],
    });
    expect(resolved.headers).toEqual({ 'x-api-key': 'k' });
    expect([...resolved.secretHeaders]).toEqual(['x-api-key']);
    expect(resolved.url.href).toBe('https://example.com/mcp');
  });

  it.each<[string, string, StreamableHttpTransportOptions]>([
    ['a URL that does not parse', 'not a url', {}],
    ['a URL that is not HTTP', 'ftp://example.com/mcp', {}],
    ['a URL with a password', 'https://user:secret@example.com/mcp', {}],
    ['an invalid header name', 'https://example.com/mcp', { headers: { 'bad name': 'x' } }],
    ['a header value with a line break', 'https://example.com/mcp', { headers: { 'x-a': 'a\r\nx-b: b' } }],
    ['a zero maxEventBytes', 'https://example.com/mcp', { maxEventBytes: 0 }],
    ['a negative retry.maxRetries', 'https://example.com/mcp', { retry: { maxRetries: -1 } }],
    ['a reconnect.backoff that is not a function', 'https://example.com/mcp', { reconnect: { backoff: 5 as unknown as () => number } }],
  ])('rejects %s with a ConfigError naming the server', (_, url, options) => {
    let error: unknown;
    try {
      resolveOptions(url, { ...options, name: 'remote' });
    } catch (caught) {
      error = caught;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).message).toMatch(/^server "remote": StreamableHttpTransport: /);
  });
});

describe('unknown options', () => {
  it('are refused, nested ones by their path', () => {
    const options = { header: {}, retry: { maxRetry: 1 } } as unknown as StreamableHttpTransportOptions;
    expect(() => resolveOptions('http://127.0.0.1:1/mcp', options)).toThrow(
      'new StreamableHttpTransport(url, options): 2 unknown options:\n  - unknown option "header"; did you mean "headers"?\n  - unknown option "retry.maxRetry"; did you mean "retry.maxRetries"?',
    );
  });

  it('point a token given to the transport at authProvider', () => {
    expect(() => resolveOptions('http://127.0.0.1:1/mcp', { token: 'secret' } as unknown as StreamableHttpTransportOptions)).toThrow(
      'new StreamableHttpTransport(url, options): unknown option "token"; give credentials as authProvider: bearerAuth(token) or apiKeyAuth(key) from @mcpx/core',
    );
  });

  it('point maxRetries at both objects that have one', () => {
    expect(() => resolveOptions('http://127.0.0.1:1/mcp', { maxRetries: 2 } as unknown as StreamableHttpTransportOptions)).toThrow(
      'unknown option "maxRetries"; it belongs under "retry" (a failed request) or "reconnect" (a dropped stream)',
    );
  });
});
