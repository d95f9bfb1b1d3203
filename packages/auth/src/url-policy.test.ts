import { describe, expect, it } from 'vitest';
import { OAuthError } from './oauth-error.js';
import { canonicalUrl, httpView, isLoopback, parseUrl, requireSecureUrl } from './url-policy.js';

describe('isLoopback', () => {
  it.each(['http://localhost:3000/', 'http://LOCALHOST/', 'http://127.0.0.1/', 'http://127.8.9.10:80/', 'http://[::1]:8080/'])(
    'counts %s as this machine',
    (url) => {
      expect(isLoopback(new URL(url))).toBe(true);
    },
  );

  // Resolvers without RFC 6761's special case (glibc without nss-myhostname, for one) ask DNS for these.
  it.each(['http://app.localhost/', 'http://evil.example.localhost/'])(
    'does not count a subdomain of localhost, %s, which may resolve elsewhere',
    (url) => {
      expect(isLoopback(new URL(url))).toBe(false);
    },
  );

  it.each([
    'http://example.com/',
    'http://localhost.example.com/',
    'http://128.0.0.1/',
    'http://10.0.0.1/',
    'http://[::2]/',
    'http://127.0.0.1.nip.io/',
  ])('does not count %s', (url) => {
    expect(isLoopback(new URL(url))).toBe(false);
  });
});

describe('requireSecureUrl', () => {
  it('accepts HTTPS anywhere and plain HTTP on loopback', () => {
    expect(requireSecureUrl(new URL('https://as.example/token'), 'the token endpoint', 'token request').href).toBe(
      'https://as.example/token',
    );
    expect(requireSecureUrl(new URL('http://127.0.0.1:9000/token'), 'the token endpoint', 'token request').href).toBe(
      'http://127.0.0.1:9000/token',
    );
  });

  it('refuses plain HTTP on another host, naming what and where', () => {
    const error = catchError(() => requireSecureUrl(new URL('http://as.example/token'), 'the token endpoint', 'token request'));
    expect(OAuthError.isInstance(error)).toBe(true);
    expect((error as OAuthError).step).toBe('token request');
    expect((error as OAuthError).message).toContain('the token endpoint http://as.example/token is not HTTPS');
  });

  it('refuses other schemes', () => {
    expect(() => requireSecureUrl(new URL('ftp://127.0.0.1/x'), 'the metadata', 'resource discovery')).toThrow(/is not HTTPS/);
  });
});

describe('parseUrl', () => {
  it('fails on a relative URL or a value that is not a string, quoting what came', () => {
    expect(() => parseUrl('/token', 'the token_endpoint', 'authorization server discovery')).toThrow(
      /the token_endpoint is not a valid absolute URL \(got "\/token"\)/,
    );
    expect(() => parseUrl(42, 'the issuer', 'authorization server discovery')).toThrow(/got 42/);
  });
});

describe('canonicalUrl', () => {
  it('lower-cases scheme and host and drops the default port, fragment and trailing slash', () => {
    expect(canonicalUrl('HTTPS://MCP.Example.com:443/Path/#frag')).toBe('https://mcp.example.com/Path');
  });

  it('keeps a port that is not the default and the query', () => {
    expect(canonicalUrl('http://127.0.0.1:8080/mcp/?tenant=a')).toBe('http://127.0.0.1:8080/mcp?tenant=a');
  });

  it('gives the origin alone for a root URL', () => {
    expect(canonicalUrl(new URL('https://mcp.example/'))).toBe('https://mcp.example');
  });
});

describe('httpView', () => {
  it('turns wss: into https: and ws: into http:, keeping host, port, path and query', () => {
    expect(httpView(new URL('wss://mcp.example/ws?tenant=a')).href).toBe('https://mcp.example/ws?tenant=a');
    expect(httpView(new URL('ws://127.0.0.1:8080/ws')).href).toBe('http://127.0.0.1:8080/ws');
  });

  it('gives an HTTP URL back as it is', () => {
    const url = new URL('https://mcp.example/mcp');
    expect(httpView(url)).toBe(url);
  });

  it('leaves the WebSocket URL it was given unchanged', () => {
    const url = new URL('wss://mcp.example/ws');
    httpView(url);
    expect(url.href).toBe('wss://mcp.example/ws');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
