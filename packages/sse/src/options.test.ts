import { ConfigError } from '@mcpx/core';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options.js';

describe('resolveOptions', () => {
  it('applies the documented defaults', () => {
    const resolved = resolveOptions('http://127.0.0.1:3001/sse', {});
    expect(resolved.url.href).toBe('http://127.0.0.1:3001/sse');
    expect(resolved).toMatchObject({
      headers: {},
      endpointTimeoutMs: 10_000,
      maxEventBytes: 10 * 1024 * 1024,
      fetch: undefined,
      dispatcher: undefined,
    });
    expect(resolved.reconnect && resolved.reconnect.maxRetries).toBe(5);
    // The default backoff is core's exponentialBackoff: 1 s, then 2 s, minus up to half at random.
    const backoff = resolved.reconnect && resolved.reconnect.backoff;
    expect(backoff && backoff(0)).toBeGreaterThanOrEqual(500);
    expect(backoff && backoff(0)).toBeLessThanOrEqual(1000);
    expect(backoff && backoff(1)).toBeGreaterThanOrEqual(1000);
  });

  it('accepts a URL object and reconnect: false', () => {
    const resolved = resolveOptions(new URL('https://mcp.example.com/sse'), { reconnect: false });
    expect(resolved.url.href).toBe('https://mcp.example.com/sse');
    expect(resolved.reconnect).toBe(false);
  });

  it.each([
    ['a relative URL', '/sse', {}, 'not an absolute URL'],
    ['another scheme', 'ws://127.0.0.1/sse', {}, 'http: or https:'],
    ['credentials in the URL', 'http://user:pw@127.0.0.1/sse', {}, 'must not hold credentials'],
    [
      'fetch and dispatcher together',
      'http://127.0.0.1/sse',
      { fetch: globalThis.fetch, dispatcher: new Agent() },
      'either "fetch" or "dispatcher"',
    ],
    ['a zero endpointTimeoutMs', 'http://127.0.0.1/sse', { endpointTimeoutMs: 0 }, '"endpointTimeoutMs" must be an integer of at least 1'],
    ['a fractional maxEventBytes', 'http://127.0.0.1/sse', { maxEventBytes: 1.5 }, '"maxEventBytes"'],
    ['a negative maxRetries', 'http://127.0.0.1/sse', { reconnect: { maxRetries: -1 } }, '"reconnect.maxRetries"'],
    ['headers that are not strings', 'http://127.0.0.1/sse', { headers: { 'x-n': 1 as unknown as string } }, '"headers"'],
  ])('refuses %s with a ConfigError naming the problem', (_case, url, options, text) => {
    let error: unknown;
    try {
      resolveOptions(url, { name: 'srv', ...options });
    } catch (caught) {
      error = caught;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(text);
    expect((error as Error).message).toContain('server "srv"');
  });
});

describe('unknown options', () => {
  it('are refused, naming the option meant', () => {
    expect(() => resolveOptions('http://127.0.0.1:1/sse', { endpointTimeout: 5 } as never)).toThrow(
      'new SseTransport(url, options): unknown option "endpointTimeout"; did you mean "endpointTimeoutMs"?',
    );
  });

  it('point a request timeout given to the transport at the client', () => {
    expect(() => resolveOptions('http://127.0.0.1:1/sse', { requestTimeout: 300 } as never)).toThrow(
      'new SseTransport(url, options): unknown option "requestTimeout"; requests are timed by the client: new McpClient({ requestTimeoutMs })',
    );
  });
});
