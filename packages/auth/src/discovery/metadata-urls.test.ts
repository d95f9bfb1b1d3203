import { describe, expect, it } from 'vitest';
import { resourceCovers, resourceMetadataUrls } from './resource-metadata.js';
import { serverMetadataUrls } from './server-metadata.js';

const hrefs = (urls: URL[]): string[] => urls.map((u) => u.href);

describe('resourceMetadataUrls', () => {
  it('tries the challenge URL, then the path-inserted well-known URL, then the root one', () => {
    expect(hrefs(resourceMetadataUrls(new URL('https://mcp.example/tenant/mcp/'), 'https://meta.example/prm'))).toEqual([
      'https://meta.example/prm',
      'https://mcp.example/.well-known/oauth-protected-resource/tenant/mcp',
      'https://mcp.example/.well-known/oauth-protected-resource',
    ]);
  });

  it('tries only the root URL for a server at the root and no challenge URL', () => {
    expect(hrefs(resourceMetadataUrls(new URL('https://mcp.example/'), undefined))).toEqual([
      'https://mcp.example/.well-known/oauth-protected-resource',
    ]);
  });

  it("looks for a WebSocket server's metadata over its HTTP scheme", () => {
    expect(hrefs(resourceMetadataUrls(new URL('wss://mcp.example/ws'), undefined))).toEqual([
      'https://mcp.example/.well-known/oauth-protected-resource/ws',
      'https://mcp.example/.well-known/oauth-protected-resource',
    ]);
  });

  it('refuses a challenge URL in plain HTTP on a host that is not loopback', () => {
    expect(() => resourceMetadataUrls(new URL('https://mcp.example/mcp'), 'http://meta.example/prm')).toThrow(
      /the resource metadata URL http:\/\/meta.example\/prm is not HTTPS/,
    );
  });

  it('refuses a challenge URL that is not a URL', () => {
    expect(() => resourceMetadataUrls(new URL('https://mcp.example/mcp'), 'not a url')).toThrow(/not a valid absolute URL/);
  });
});

describe('serverMetadataUrls', () => {
  it('tries OAuth then OpenID for an issuer without a path', () => {
    expect(hrefs(serverMetadataUrls(new URL('https://as.example')))).toEqual([
      'https://as.example/.well-known/oauth-authorization-server',
      'https://as.example/.well-known/openid-configuration',
    ]);
  });

  it('inserts the issuer path after the well-known part, then appends it for OpenID', () => {
    expect(hrefs(serverMetadataUrls(new URL('https://as.example/tenant/1/')))).toEqual([
      'https://as.example/.well-known/oauth-authorization-server/tenant/1',
      'https://as.example/.well-known/openid-configuration/tenant/1',
      'https://as.example/tenant/1/.well-known/openid-configuration',
    ]);
  });
});

describe('resourceCovers', () => {
  it('covers the same URL and the paths beneath it', () => {
    expect(resourceCovers(new URL('https://mcp.example/'), new URL('https://mcp.example/mcp'))).toBe(true);
    expect(resourceCovers(new URL('https://mcp.example/mcp/'), new URL('https://MCP.example:443/mcp'))).toBe(true);
  });

  it('does not cover a sibling path that shares a prefix, or another origin', () => {
    expect(resourceCovers(new URL('https://mcp.example/mc'), new URL('https://mcp.example/mcp'))).toBe(false);
    expect(resourceCovers(new URL('https://evil.example/'), new URL('https://mcp.example/mcp'))).toBe(false);
  });
});
