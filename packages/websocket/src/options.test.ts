import { ConfigError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { describeUrl, resolveOptions, type WebSocketTransportOptions } from './options.js';

describe('resolveOptions', () => {
  it('applies the documented defaults', () => {
    expect(resolveOptions('ws://127.0.0.1:1234/mcp', {})).toEqual({
      url: new URL('ws://127.0.0.1:1234/mcp'),
      headers: {},
      authProvider: undefined,
      tls: {},
      maxPayload: 10 * 1024 * 1024,
      handshakeTimeoutMs: 10_000,
      heartbeatIntervalMs: 30_000,
      pongTimeoutMs: 10_000,
      closeTimeoutMs: 1000,
      name: undefined,
    });
  });

  it('keeps only the TLS options that are set', () => {
    const resolved = resolveOptions('wss://example.com/mcp', {
      tls: { ca: 'PEM', rejectUnauthorized: undefined, servername: 'mcp.internal' },
    });
    expect(resolved.tls).toEqual({ ca: 'PEM', servername: 'mcp.internal' });
  });

  it('accepts http and https URLs, which ws upgrades the same way', () => {
    expect(resolveOptions('https://example.com/mcp', {}).url.protocol).toBe('https:');
    expect(resolveOptions(new URL('http://127.0.0.1/mcp'), {}).url.protocol).toBe('http:');
  });

  it('lets heartbeatIntervalMs be 0, which turns the heartbeat off', () => {
    expect(resolveOptions('ws://127.0.0.1/mcp', { heartbeatIntervalMs: 0 }).heartbeatIntervalMs).toBe(0);
  });

  it.each<[string, string, WebSocketTransportOptions]>([
    ['a relative URL', '/mcp', {}],
    ['a URL of another scheme', 'ftp://example.com/mcp', {}],
    ['a URL with a fragment', 'ws://example.com/mcp#x', {}],
    ['a header value with a line break', 'ws://example.com', { headers: { authorization: 'Bearer x\r\nHost: evil' } }],
    ['a header name with a space', 'ws://example.com', { headers: { 'x bad': 'v' } }],
    ['headers that are not strings', 'ws://example.com', { headers: { 'x-n': 1 } as unknown as Record<string, string> }],
    ['an auth provider without headers()', 'ws://example.com', { authProvider: {} as never }],
    ['a zero maxPayload', 'ws://example.com', { maxPayload: 0 }],
    ['a fractional handshakeTimeoutMs', 'ws://example.com', { handshakeTimeoutMs: 1.5 }],
    ['a negative heartbeatIntervalMs', 'ws://example.com', { heartbeatIntervalMs: -1 }],
    ['a zero pongTimeoutMs', 'ws://example.com', { pongTimeoutMs: 0 }],
  ])('rejects %s with a ConfigError naming the server', (_, url, options) => {
    let error: unknown;
    try {
      resolveOptions(url, { ...options, name: 'gateway' });
    } catch (caught) {
      error = caught;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^server "gateway": WebSocketTransport: /);
  });
});

describe('describeUrl', () => {
  it('hides the password of the URL', () => {
    expect(describeUrl(new URL('wss://user:secret@example.com/mcp'))).toBe('wss://user:***@example.com/mcp');
  });

  it('shows a URL without a password as it is', () => {
    expect(describeUrl(new URL('ws://127.0.0.1:8080/mcp?x=1'))).toBe('ws://127.0.0.1:8080/mcp?x=1');
  });
});

describe('unknown options', () => {
  it('are refused, a TLS option given at the top level pointed to "tls"', () => {
    const options = { rejectUnauthorized: false } as unknown as WebSocketTransportOptions;
    expect(() => resolveOptions('wss://127.0.0.1:1/mcp', options)).toThrow(
      'new WebSocketTransport(url, options): unknown option "rejectUnauthorized"; it belongs under "tls" (as "tls.rejectUnauthorized")',
    );
  });

  it('point a token given to the transport at authProvider', () => {
    const options = { token: 'secret' } as unknown as WebSocketTransportOptions;
    expect(() => resolveOptions('ws://127.0.0.1:1/mcp', options)).toThrow(
      'new WebSocketTransport(url, options): unknown option "token"; give credentials as authProvider: bearerAuth(token) or apiKeyAuth(key) from @mcpx/core',
    );
  });
});
