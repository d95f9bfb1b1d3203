import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler, type NodeIncomingMessageLike } from '@modelcontextprotocol/node';
import { createMcpHandler, type AuthInfo } from '@modelcontextprotocol/server';
import type { AuthorizationServer } from './authorization-server.js';
import { buildProtectedServer } from './protected-tools.js';
import { tokenChecker, type TokenInfo, type TokenVerdict } from './token-check.js';
import { serveWebSocket } from './websocket-endpoint.js';

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
  /** Whether it was the upgrade request of the WebSocket endpoint. */
  websocket: boolean;
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
  /**
   * The same tools over WebSocket (subprotocol `mcp`), a resource of its own:
   * `ws://127.0.0.1:<port>/ws`, its metadata at `http://127.0.0.1:<port>/.well-known/oauth-protected-resource/ws`.
   */
  readonly webSocketUrl: string;
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
 * Tools: `whoami` (the token's subject, client and scopes) and `write-note`. The same
 * tools are served over WebSocket, the upgrade request checked the same way.
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
  const webSocketUrl = `${origin.replace(/^http/, 'ws')}/ws`;
  const dpopNonce = options.requireDpopNonce === true ? randomBytes(12).toString('base64url') : undefined;
  const resourceFor = (resource: string, metadataUrl: string) => {
    as.addResource(resource);
    const metadata = {
      resource,
      authorization_servers: [as.issuer],
      scopes_supported: [...new Set([...requiredScopes, ...Object.values(toolScopes).flat()])],
      bearer_methods_supported: ['header'],
      dpop_signing_alg_values_supported: ['ES256', 'EdDSA'],
    };
    return {
      metadata,
      check: tokenChecker({ authorizationServer: as, resource, resourceMetadataUrl: metadataUrl, requiredScopes, dpopNonce }),
    };
  };
  const http = resourceFor(url, resourceMetadataUrl);
  const ws = resourceFor(webSocketUrl, `${origin}/.well-known/oauth-protected-resource/ws`);
  const check = http.check;
  const authInfo = (verdict: Extract<TokenVerdict, { ok: true }>, resource: string): AuthInfo => {
    const { token } = verdict;
    return {
      token: token.token,
      clientId: token.clientId,
      scopes: token.scopes,
      expiresAt: token.expiresAt,
      resource: new URL(resource),
      extra: { subject: token.subject, tokenType: token.tokenType },
    };
  };

  const mcp = createMcpHandler(() => buildProtectedServer(), { onerror: () => undefined });
  const handle = toNodeHandler({
    async fetch(request) {
      // A body that is not JSON is recorded without a method.
      const body =
        request.method === 'POST'
          ? await request
              .clone()
              .json()
              .catch(() => undefined)
          : undefined;
      const message =
        body !== null && typeof body === 'object' && !Array.isArray(body)
          ? (body as { method?: unknown; params?: { name?: unknown } })
          : {};
      const rpcMethod = typeof message.method === 'string' ? message.method : undefined;
      const tool = rpcMethod === 'tools/call' && typeof message.params?.name === 'string' ? message.params.name : undefined;
      const verdict = await check(
        {
          method: request.method,
          url: new URL(request.url),
          authorization: request.headers.get('authorization') ?? undefined,
          dpop: request.headers.get('dpop') ?? undefined,
        },
        tool === undefined ? [] : (toolScopes[tool] ?? []),
      );
      requests.push({
        httpMethod: request.method,
        websocket: false,
        rpcMethod,
        tool,
        status: verdict.ok ? 200 : verdict.status,
        error: verdict.ok ? undefined : verdict.error,
        token: verdict.ok ? verdict.token : undefined,
      });
      if (!verdict.ok) return Response.json({ error: verdict.error }, { status: verdict.status, headers: verdict.headers });
      return mcp.fetch(request, { authInfo: authInfo(verdict, url) });
    },
  });
  server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === '/.well-known/oauth-protected-resource/mcp' || path === '/.well-known/oauth-protected-resource/ws') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(path.endsWith('/ws') ? ws.metadata : http.metadata));
    } else if (path === '/mcp') {
      handle(req as NodeIncomingMessageLike, res).catch(() => res.destroy());
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });

  const webSocket = serveWebSocket(server, {
    path: '/ws',
    origin: origin.replace(/^http/, 'ws'),
    check: (request) => ws.check(request, []),
    record: (verdict) =>
      requests.push({
        httpMethod: 'GET',
        websocket: true,
        rpcMethod: undefined,
        tool: undefined,
        status: verdict.ok ? 200 : verdict.status,
        error: verdict.ok ? undefined : verdict.error,
        token: verdict.ok ? verdict.token : undefined,
      }),
    authInfo: (verdict) => authInfo(verdict, webSocketUrl),
  });

  return {
    url,
    resourceMetadataUrl,
    webSocketUrl,
    requests,
    async close() {
      await webSocket.close();
      await mcp.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
