import { freePort, replyJson } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { OAuthError } from '../src/oauth-error.js';
import { OAuthProvider } from '../src/oauth-provider.js';
import type { OAuthOptions } from '../src/options.js';
import { messagesOf, rejectionOf, useFaults } from './faults-fakes.js';

const SECRET = 'machine-secret-9f3c';

/** A machine login (client credentials), so no browser is involved; every URL fetched is recorded. */
function machine(options: OAuthOptions = {}): { provider: OAuthProvider; fetched: string[] } {
  const fetched: string[] = [];
  const provider = new OAuthProvider({
    grant: { type: 'client_credentials' },
    clientId: 'machine',
    clientSecret: SECRET,
    fetch: (input, init) => {
      fetched.push(String(input));
      return globalThis.fetch(input, init);
    },
    ...options,
  });
  return { provider, fetched };
}

/** The OAuthError a login fails with; the client secret is in none of its messages. */
async function loginError(provider: OAuthProvider, url: string): Promise<OAuthError> {
  const error = await rejectionOf(provider.login(url));
  expect(OAuthError.isInstance(error), messagesOf(error)).toBe(true);
  expect(messagesOf(error)).not.toContain(SECRET);
  return error as OAuthError;
}

describe('an authorization server that cannot be reached', () => {
  const fakes = useFaults();

  it('is an OAuthError naming the discovery step and the URL when it refuses connections', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const mcp = await fakes.protectedMcpServer(down, () => false);
    const error = await loginError(machine().provider, mcp.url());
    expect(error.step).toBe('authorization server discovery');
    expect(error.message).toContain(`could not reach ${down}/.well-known/oauth-authorization-server`);
    expect(error.message).toContain('check that the authorization server is up');
  });

  it('gives up on metadata that never comes after requestTimeoutMs, saying so', async () => {
    const silent = await fakes.silentServer();
    const mcp = await fakes.protectedMcpServer(silent.origin, () => false);
    const error = await loginError(machine({ requestTimeoutMs: 1000 }).provider, mcp.url());
    expect(error.step).toBe('authorization server discovery');
    expect(error.message).toContain(`could not reach ${silent.origin}/.well-known/oauth-authorization-server: no answer within 1000 ms`);
    expect(silent.connections()).toBe(1);
  });

  it('gives up on a token endpoint that never answers, saying so', async () => {
    const as = await fakes.authorizationServer();
    const silent = await fakes.silentServer();
    as.metadata.token_endpoint = `${silent.origin}/token`;
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const error = await loginError(machine({ requestTimeoutMs: 1000 }).provider, mcp.url());
    expect(error.step).toBe('token request');
    expect(error.message).toContain(`${silent.origin}/token did not answer in time`);
  });
});

describe('an authorization server that answers garbage', () => {
  const fakes = useFaults();
  const METADATA = '/.well-known/oauth-authorization-server';

  it('is an OAuthError quoting the start of an HTML page served as metadata', async () => {
    const as = await fakes.authorizationServer();
    as.answer(
      METADATA,
      (_, response) =>
        void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Welcome to nginx!</body></html>'),
    );
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const error = await loginError(machine().provider, mcp.url());
    expect(error.step).toBe('authorization server discovery');
    expect(error.message).toContain(
      `${as.origin}${METADATA} answered 200 with a body that is not JSON ("<!doctype html><html><body>Welcome to nginx!</body></html>")`,
    );
  });

  it('is an OAuthError when the metadata is a JSON array', async () => {
    const as = await fakes.authorizationServer();
    as.answer(METADATA, (_, response) => replyJson(response, [as.metadata]));
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const error = await loginError(machine().provider, mcp.url());
    expect(error.message).toContain(`${as.origin}${METADATA} answered JSON that is not an object`);
  });

  it('is an OAuthError naming an endpoint that is not a URL', async () => {
    const as = await fakes.authorizationServer();
    as.metadata.token_endpoint = 'token, please';
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const error = await loginError(machine().provider, mcp.url());
    expect(error.step).toBe('authorization server discovery');
    expect(error.message).toContain(`the token_endpoint of ${as.origin}${METADATA} is not a valid absolute URL (got "token, please")`);
  });

  it('is an OAuthError when the metadata names another issuer', async () => {
    const as = await fakes.authorizationServer();
    as.metadata.issuer = 'https://evil.example';
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const error = await loginError(machine().provider, mcp.url());
    expect(error.message).toContain(`the metadata at ${as.origin}${METADATA} names the issuer https://evil.example/, not ${as.origin}/`);
    expect(as.http.requests.map((request) => request.path)).toEqual([METADATA]);
  });

  it('is an OAuthError when the token answer has no access_token', async () => {
    const as = await fakes.authorizationServer();
    as.answer('/token', (_, response) => replyJson(response, { token_type: 'Bearer', expires_in: 3600 }));
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const error = await loginError(machine().provider, mcp.url());
    expect(error.step).toBe('token request');
    expect(error.message).toContain(`${as.origin}/token answered something mcpx cannot use`);
    expect(error.message).toContain('access_token');
  });

  it('is an OAuthError when the token answer is larger than a megabyte', async () => {
    const as = await fakes.authorizationServer();
    const huge = JSON.stringify({ access_token: 'a'.repeat(3 * 1024 * 1024), token_type: 'Bearer' });
    as.answer('/token', (_, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end(huge));
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const error = await loginError(machine().provider, mcp.url());
    expect(error.step).toBe('token request');
    expect(error.message).toContain(`${as.origin}/token answered more than the 1048576 bytes an OAuth answer may have`);
  });

  it('is an OAuthError when the token answer is an HTML error page', async () => {
    const as = await fakes.authorizationServer();
    as.answer('/token', (_, response) => void response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'));
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const error = await loginError(machine().provider, mcp.url());
    expect(error.step).toBe('token request');
    expect(error.message).toContain(`${as.origin}/token answered something mcpx cannot use (HTTP 502)`);
  });
});

describe('metadata URLs in plain HTTP on a host that is not loopback', () => {
  const fakes = useFaults();

  it('refuses a resource_metadata URL of the 401 without fetching it', async () => {
    const mcp = await fakes.protectedMcpServer('http://unused.invalid', () => false);
    mcp.intercept((_, response) => {
      response.writeHead(401, { 'www-authenticate': 'Bearer resource_metadata="http://metadata.example/prm"' }).end();
      return true;
    });
    const { provider, fetched } = machine();
    const error = await loginError(provider, mcp.url());
    expect(error.step).toBe('resource discovery');
    expect(error.message).toContain('the resource metadata URL http://metadata.example/prm is not HTTPS');
    expect(fetched.filter((url) => url.includes('metadata.example'))).toEqual([]);
  });

  it('refuses an authorization server named in plain HTTP without fetching its metadata', async () => {
    const mcp = await fakes.protectedMcpServer('http://as.example', () => false);
    const { provider, fetched } = machine();
    const error = await loginError(provider, mcp.url());
    expect(error.step).toBe('authorization server discovery');
    expect(error.message).toContain('the authorization server http://as.example/ is not HTTPS');
    expect(fetched.filter((url) => url.includes('as.example'))).toEqual([]);
  });

  it('refuses a WebSocket server on ws: without fetching its well-known metadata in clear text', async () => {
    const { provider, fetched } = machine();
    const url = new URL('ws://mcp.example/ws');
    const refusal = {
      url,
      method: 'GET',
      status: 401 as const,
      wwwAuthenticate: 'Bearer',
      attempt: 0,
      sent: {},
      header: () => undefined,
      signal: new AbortController().signal,
    };
    const error = await rejectionOf(provider.onUnauthorized(refusal));
    expect(OAuthError.isInstance(error) && error.step).toBe('resource discovery');
    expect(error.message).toContain('the MCP server http://mcp.example/ws is not HTTPS');
    expect(fetched).toEqual([]);
  });

  it('refuses a token endpoint in plain HTTP, so the client secret is not sent in clear text', async () => {
    const as = await fakes.authorizationServer();
    as.metadata.token_endpoint = 'http://as.example/token';
    const mcp = await fakes.protectedMcpServer(as.origin, () => false);
    const { provider, fetched } = machine();
    const error = await loginError(provider, mcp.url());
    expect(error.message).toContain('http://as.example/token is not HTTPS');
    expect(fetched.filter((url) => url.includes('as.example'))).toEqual([]);
  });
});

describe('protected resource metadata that is wrong', () => {
  const fakes = useFaults();

  /** A server whose 401 points at its metadata, served as `metadata` says. */
  async function serving(metadata: (mcpUrl: string) => unknown) {
    const mcp = await fakes.protectedMcpServer('http://unused.invalid', () => false);
    mcp.intercept((request, response) => {
      if (request.path === '/prm') replyJson(response, metadata(mcp.url()));
      else response.writeHead(401, { 'www-authenticate': `Bearer resource_metadata="${mcp.origin}/prm"` }).end();
      return true;
    });
    return mcp;
  }

  it('is refused when it describes another resource', async () => {
    const mcp = await serving(() => ({ resource: 'https://elsewhere.example/mcp', authorization_servers: ['https://as.example'] }));
    const error = await loginError(machine().provider, mcp.url());
    expect(error.step).toBe('resource discovery');
    expect(error.message).toContain(
      `the metadata at ${mcp.origin}/prm is for the resource https://elsewhere.example/mcp, not for ${mcp.url()}`,
    );
  });

  it('is refused when it names no authorization server', async () => {
    const mcp = await serving((url) => ({ resource: url, authorization_servers: [] }));
    const error = await loginError(machine().provider, mcp.url());
    expect(error.message).toContain(`the metadata at ${mcp.origin}/prm names no authorization server`);
  });

  it('is refused when its resource is not a URL', async () => {
    const mcp = await serving(() => ({ resource: 42, authorization_servers: ['https://as.example'] }));
    const error = await loginError(machine().provider, mcp.url());
    expect(error.message).toContain(`the "resource" of ${mcp.origin}/prm is not a valid absolute URL (got 42)`);
  });
});
