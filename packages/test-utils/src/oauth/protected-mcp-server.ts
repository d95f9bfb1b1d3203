import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler, type NodeIncomingMessageLike } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import type { AuthorizationServer } from './authorization-server.js';
import { tokenChecker, type TokenInfo } from './token-check.js';

/** Options of `startProtectedMcpServer`. */
export interface ProtectedMcpServerOptions {
  /** The authorization server whose tokens it accepts; it is told about this resource. */
  authorizationServer: AuthorizationServer;
  /** The scopes every request needs (the 401 challenge names them). @default ['mcp:read'] */
  requiredScopes?: readonly string[];
  /** Scopes a tool needs on top, by tool name (a 403 `insufficient_scope` names them). @default { 'write-note': ['mcp:write'] } */
  toolScopes?: Readonly<Record<string, readonly string[]>>;
  /** Whether DPoP proofs must carry a nonce of this server (RFC 9449 §9). @default false */
  requireDpopNonce?: boolean;
}

/** One request to the MCP endpoint, and how the token check answered. */
export interface ProtectedRequest {
  httpMethod: string;
  /** The JSON-RPC method of a POST, if any. */
  rpcMethod: string | undefined;
  /** The tool of a `tools/call`. */
  tool: string | undefined;
  /** 200 when the token was good (whatever MCP answered then), else 401 or 403. */
  status: number;
  /** The OAuth error of a refusal (`invalid_token`, `insufficient_scope`, `use_dpop_nonce`...), or `no token`. */
  error: string | undefined;
  /** The accepted token. */
  token: TokenInfo | undefined;
}

/** A running MCP server that only serves requests with a valid access token. */
export interface ProtectedMcpServer {
  /** The MCP endpoint (and resource identifier): `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** Its protected resource metadata (RFC 9728): `/.well-known/oauth-protected-resource/mcp`. */
  readonly resourceMetadataUrl: string;
  /** Every request to the MCP endpoint, in order. */
  readonly requests: readonly ProtectedRequest[];
  close(): Promise<void>;
}

/**
 * Starts an MCP server (the official SDK's, over Streamable HTTP, both protocol eras) on a
 * free loopback port behind a real resource server check of its access tokens: a 401 with
 * `WWW-Authenticate: Bearer resource_metadata=..., scope=...` without a valid token, its
 * protected resource metadata naming `authorizationServer`, DPoP-bound tokens checked
 * against their proofs, and a 403 `insufficient_scope` for a tool that needs more scopes.
 * Tools: `whoami` (the token's subject, client and scopes) and `write-note`.
 */
export async function startProtectedMcpServer(options: ProtectedMcpServerOptions): Promise<ProtectedMcpServer> {
  const as = options.authorizationServer;
  const requiredScopes = options.requiredScopes ?? ['mcp:read'];
  const toolScopes = options.toolScopes ?? { 'write-note': ['mcp:write'] };
  const requests: ProtectedRequest[] = [];
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `${origin}/mcp`;
  const resourceMetadataUrl = `${origin}/.well-known/oauth-protected-resource/mcp`;
  as.addResource(url);
  const check = tokenChecker({
    authorizationServer: as,
    resource: url,
    resourceMetadataUrl,
    requiredScopes,
    dpopNonce: options.requireDpopNonce === true ? randomBytes(12).toString('base64url') : undefined,
  });
  const metadata = {
    resource: url,
    authorization_servers: [as.issuer],
    scopes_supported: [...new Set([...requiredScopes, ...Object.values(toolScopes).flat()])],
    bearer_methods_supported: ['header'],
    dpop_signing_alg_values_supported: ['ES256', 'EdDSA'],
  };

  const mcp = createMcpHandler(() => buildServer(), { onerror: () => undefined });
  const handle = toNodeHandler({
    async fetch(request) {
      const body = request.method === 'POST' ? await request.clone().json().catch(() => undefined) : undefined;
      const message = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as { method?: unknown; params?: { name?: unknown } }) : {};
      const rpcMethod = typeof message.method === 'string' ? message.method : undefined;
      const tool = rpcMethod === 'tools/call' && typeof message.params?.name === 'string' ? message.params.name : undefined;
      const verdict = await check(
        { method: request.method, url: new URL(request.url), authorization: request.headers.get('authorization') ?? undefined, dpop: request.headers.get('dpop') ?? undefined },
        tool === undefined ? [] : (toolScopes[tool] ?? []),
      );
      requests.push({ httpMethod: request.method, rpcMethod, tool, status: verdict.ok ? 200 : verdict.status, error: verdict.ok ? undefined : verdict.error, token: verdict.ok ? verdict.token : undefined });
      if (!verdict.ok) return Response.json({ error: verdict.error }, { status: verdict.status, headers: verdict.headers });
      const { token } = verdict;
      return mcp.fetch(request, {
        authInfo: { token: token.token, clientId: token.clientId, scopes: token.scopes, expiresAt: token.expiresAt, resource: new URL(url), extra: { subject: token.subject, tokenType: token.tokenType } },
      });
    },
  });
  server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === '/.well-known/oauth-protected-resource/mcp') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(metadata));
    } else if (path === '/mcp') {
      handle(req as NodeIncomingMessageLike, res).catch(() => res.destroy());
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });

  return {
    url,
    resourceMetadataUrl,
    requests,
    async close() {
      await mcp.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function buildServer(): McpServer {
  const server = new McpServer({ name: 'mcpx-protected-test-server', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.registerTool('whoami', { description: 'Says who the access token belongs to' }, (ctx) => {
    const auth = ctx.http?.authInfo;
    return { content: [{ type: 'text', text: `${String(auth?.extra?.subject)} via ${auth?.clientId ?? '?'} (${auth?.scopes.join(' ') ?? ''}, ${String(auth?.extra?.tokenType)})` }] };
  });
  server.registerTool('write-note', { description: 'Saves a note; needs the mcp:write scope', inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text: `saved: ${text}` }],
  }));
  return server;
}
