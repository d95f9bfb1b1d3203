import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOAuthServers } from './use-oauth-servers.js';

const machine = { client_id: 'checker', client_secret: 'a-long-enough-secret-for-the-checker-0123' };
const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
};

/** A DPoP key and a proof maker (RFC 9449), written here without @mcpx/auth. */
async function dpopKey() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  return {
    proof: (htm: string, htu: string, accessToken?: string) =>
      new SignJWT({ htm, htu, ...(accessToken === undefined ? {} : { ath: createHash('sha256').update(accessToken).digest('base64url') }) })
        .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk })
        .setIssuedAt()
        .setJti(randomUUID())
        .sign(privateKey),
  };
}

describe('the protected MCP server', () => {
  const oauth = useOAuthServers({
    as: {
      clients: [{ ...machine, grant_types: ['client_credentials'], response_types: [], redirect_uris: [] }],
    },
  });
  beforeAll(async () => {
    oauth.as.addResource('http://127.0.0.1:1/elsewhere');
  });

  /** A client credentials token for `resource`, bound to `dpop` when given. */
  async function token(resource: string, scope: string, dpop?: Awaited<ReturnType<typeof dpopKey>>): Promise<string> {
    const headers: Record<string, string> = {
      authorization: `Basic ${Buffer.from(`${machine.client_id}:${machine.client_secret}`).toString('base64')}`,
    };
    if (dpop !== undefined) headers.dpop = await dpop.proof('POST', `${oauth.as.issuer}/token`);
    const response = await fetch(`${oauth.as.issuer}/token`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (body.access_token === undefined) throw new Error(`no token: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  function post(headers: Record<string, string>, message: object = initialize): Promise<Response> {
    return fetch(oauth.mcp.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      body: JSON.stringify(message),
    });
  }

  it('answers a request without a token with 401 naming its resource metadata and scope', async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${oauth.mcp.resourceMetadataUrl}", scope="mcp:read"`);
    expect(await (await fetch(oauth.mcp.resourceMetadataUrl)).json()).toMatchObject({
      resource: oauth.mcp.url,
      authorization_servers: [oauth.as.issuer],
    });
  });

  it('serves a request with a token issued for it', async () => {
    const response = await post({ authorization: `Bearer ${await token(oauth.mcp.url, 'mcp:read')}` });
    expect(response.status).toBe(200);
  });

  it('refuses a token issued for another resource', async () => {
    const response = await post({ authorization: `Bearer ${await token('http://127.0.0.1:1/elsewhere', 'mcp:read')}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers 403 insufficient_scope for a tool that needs a scope the token lacks', async () => {
    const response = await post(
      { authorization: `Bearer ${await token(oauth.mcp.url, 'mcp:read')}` },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'write-note', arguments: { text: 'x' } } },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(response.headers.get('www-authenticate')).toContain('scope="mcp:read mcp:write"');
  });

  it('serves a DPoP-bound token with a proof by its key', async () => {
    const key = await dpopKey();
    const accessToken = await token(oauth.mcp.url, 'mcp:read', key);
    expect((await post({ authorization: `DPoP ${accessToken}`, dpop: await key.proof('POST', oauth.mcp.url, accessToken) })).status).toBe(
      200,
    );
  });

  it('refuses a DPoP proof used twice', async () => {
    const key = await dpopKey();
    const accessToken = await token(oauth.mcp.url, 'mcp:read', key);
    const proof = await key.proof('POST', oauth.mcp.url, accessToken);
    await post({ authorization: `DPoP ${accessToken}`, dpop: proof });
    expect((await post({ authorization: `DPoP ${accessToken}`, dpop: proof })).headers.get('www-authenticate')).toContain(
      'error="invalid_dpop_proof"',
    );
  });

  it('refuses a DPoP-bound token sent as a bearer token', async () => {
    const accessToken = await token(oauth.mcp.url, 'mcp:read', await dpopKey());
    expect((await post({ authorization: `Bearer ${accessToken}` })).headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('refuses a DPoP proof signed by another key than the token is bound to', async () => {
    const accessToken = await token(oauth.mcp.url, 'mcp:read', await dpopKey());
    const other = await dpopKey();
    expect(
      (await post({ authorization: `DPoP ${accessToken}`, dpop: await other.proof('POST', oauth.mcp.url, accessToken) })).headers.get(
        'www-authenticate',
      ),
    ).toContain('error="invalid_dpop_proof"');
  });
});
