import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpClient, type UnauthorizedContext } from '@mcpx/core';
import { StreamableHttpTransport } from '@mcpx/http';
import { afterEach, describe, expect, it } from 'vitest';
import { loginStoreKey, memoryTokenStore, OAuthError, OAuthProvider, type TokenStore } from '../src/index.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback HTTP server answering with `handler`; resolves with its base URL. */
async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A free port nobody listens on. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const json = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/** The 401 a protected MCP server answers, naming its resource metadata. */
function refusal(mcpUrl: string, metadataUrl: string): UnauthorizedContext {
  const wwwAuthenticate = `Bearer resource_metadata="${metadataUrl}"`;
  return { url: new URL(mcpUrl), method: 'POST', status: 401, wwwAuthenticate, attempt: 0, sent: {}, header: () => undefined, signal: new AbortController().signal };
}

/** A resource server whose metadata names `issuer` as its authorization server. */
async function resourceNaming(issuer: string): Promise<{ mcp: string; metadata: string }> {
  const base = await serve((request, response) => {
    if (request.url === '/.well-known/oauth-protected-resource/mcp') json(response, 200, { resource: `${base}/mcp`, authorization_servers: [issuer] });
    else response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
  });
  return { mcp: `${base}/mcp`, metadata: `${base}/.well-known/oauth-protected-resource/mcp` };
}

const robot = (): void => undefined;

describe('an authorization server that fails', () => {
  it('is down: an OAuthError naming the step and the URL it could not reach', async () => {
    const issuer = await closedPort();
    const { mcp, metadata } = await resourceNaming(issuer);
    const error = await new OAuthProvider({ userAgent: robot }).onUnauthorized(refusal(mcp, metadata)).catch((caught: unknown) => caught);
    expect(OAuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ step: 'authorization server discovery' });
    expect((error as Error).message).toContain(`could not reach ${issuer}/.well-known/oauth-authorization-server`);
  });

  it('is slow: gives up after requestTimeoutMs with a clear error instead of hanging', async () => {
    const issuer = await serve(() => undefined); // never answers
    const { mcp, metadata } = await resourceNaming(issuer);
    const error = await new OAuthProvider({ userAgent: robot, requestTimeoutMs: 500 }).onUnauthorized(refusal(mcp, metadata)).catch((caught: unknown) => caught);
    expect(OAuthError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('no answer within 500 ms');
  });

  it('answers HTML where metadata should be: says it is not JSON and quotes it', async () => {
    const issuer = await serve((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Please sign in</html>'));
    const { mcp, metadata } = await resourceNaming(issuer);
    const error = await new OAuthProvider({ userAgent: robot }).onUnauthorized(refusal(mcp, metadata)).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/not JSON \("<html>Please sign in<\/html>"\)/);
  });

  it('publishes metadata for another issuer: refused before any of its endpoints is used', async () => {
    const requests: string[] = [];
    const issuer = await serve((request, response) => {
      requests.push(request.url ?? '');
      json(response, 200, { issuer: 'https://evil.example', authorization_endpoint: 'https://evil.example/authorize', token_endpoint: 'https://evil.example/token', code_challenge_methods_supported: ['S256'] });
    });
    const { mcp, metadata } = await resourceNaming(issuer);
    const error = await new OAuthProvider({ userAgent: robot }).onUnauthorized(refusal(mcp, metadata)).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('names the issuer https://evil.example/');
    expect(requests).toEqual(['/.well-known/oauth-authorization-server']);
  });

  it('answers a refresh with garbage: the stored refresh token is kept out of the message', async () => {
    const issuer = await serve((request, response) => {
      if (request.url === '/.well-known/oauth-authorization-server') json(response, 200, { issuer, token_endpoint: `${issuer}/token`, code_challenge_methods_supported: ['S256'] });
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"token_type":"bearer"}');
    });
    const { mcp } = await resourceNaming(issuer);
    const store = await seeded(mcp, issuer, { accessToken: 'secret-access-1', refreshToken: 'secret-refresh-1', expiresAt: Date.now() - 1000 });
    const provider = new OAuthProvider({ store, interactive: false });
    const error = await provider.onUnauthorized({ ...refusal(mcp, ''), wwwAuthenticate: 'Bearer', sent: { authorization: 'Bearer secret-access-1' } }).catch((caught: unknown) => caught);
    // The refresh fails; without a user, the provider says a login is needed.
    expect((error as Error).message).toMatch(/needs you to log in/);
    expect((error as Error).message).not.toMatch(/secret-(access|refresh)/);
  });
});

describe('tokens and other origins', () => {
  it('never sends the token across a redirect to another origin', async () => {
    const seenElsewhere: Array<string | undefined> = [];
    const elsewhere = await serve((request, response) => {
      seenElsewhere.push(request.headers.authorization);
      response.writeHead(401).end();
    });
    const mcpBase = await serve((_request, response) => response.writeHead(307, { location: `${elsewhere}/mcp` }).end());
    const store = await seeded(`${mcpBase}/mcp`, mcpBase, { accessToken: 'secret-access-2', expiresAt: Date.now() + 3_600_000 });
    const client = new McpClient({ name: 'faults', eraCache: false });
    const error = await client.connect(new StreamableHttpTransport(`${mcpBase}/mcp`, { authProvider: new OAuthProvider({ store, interactive: false }) })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(seenElsewhere.length).toBeGreaterThan(0);
    expect(seenElsewhere.every((header) => header === undefined)).toBe(true);
    await client.close();
  });

  it('gives no header for a request to another origin than its server', async () => {
    const store = await seeded('https://mcp.example/mcp', 'https://as.example', { accessToken: 'secret-access-3', expiresAt: Date.now() + 3_600_000 });
    const provider = new OAuthProvider({ store, interactive: false });
    expect(await provider.headers({ url: new URL('https://mcp.example/mcp'), method: 'POST' })).toEqual({ authorization: 'Bearer secret-access-3' });
    expect(await provider.headers({ url: new URL('https://other.example/mcp'), method: 'POST' })).toEqual({});
  });
});

/** A memory store holding a login for `server` with these tokens. */
async function seeded(server: string, issuer: string, tokens: { accessToken: string; refreshToken?: string; expiresAt: number }): Promise<TokenStore> {
  const store = memoryTokenStore();
  await store.set(loginStoreKey(server), { serverUrl: server, issuer, client: { clientId: 'faults' }, tokens: { tokenType: 'Bearer', ...tokens }, savedAt: Date.now() });
  return store;
}
