import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpClient, type CallToolResult, type McpClientOptions } from '@mcpx/core';
import { StreamableHttpTransport } from '@mcpx/http';
import { WebSocketTransport } from '@mcpx/websocket';
import { useOAuthServers, type AuthorizationServer, type OAuthServersOptions, type ProtectedMcpServer } from '@mcpx/test-utils/oauth';
import { afterEach } from 'vitest';
import type { OAuthProvider } from '../src/index.js';

/** A real authorization server and the MCP server it protects, for one test file. */
export interface OidcFixture {
  readonly as: AuthorizationServer;
  readonly mcp: ProtectedMcpServer;
  /** A client connected to the MCP server through `provider`, closed after the test. */
  connect(provider: OAuthProvider, options?: McpClientOptions): Promise<McpClient>;
  /** The same over the MCP server's WebSocket endpoint. */
  connectWebSocket(provider: OAuthProvider): Promise<McpClient>;
  /** A fresh folder for a file token store, removed after the test. */
  tempDir(): Promise<string>;
}

/**
 * Starts `oidc-provider` and the protected MCP server once for the file (servers on port
 * 0, closed after it), and cleans up the clients and folders of each test.
 */
export function useOidc(options: OAuthServersOptions = {}): OidcFixture {
  const servers = useOAuthServers(options);
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    // A cleanup that fails must not keep the others from running.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });
  return {
    get as() {
      return servers.as;
    },
    get mcp() {
      return servers.mcp;
    },
    async connect(provider, options = {}) {
      const client = new McpClient({ server: 'protected', eraCache: false, ...options });
      cleanups.push(() => client.close());
      await client.connect(new StreamableHttpTransport(servers.mcp.url, { authProvider: provider }));
      return client;
    },
    async connectWebSocket(provider) {
      const client = new McpClient({ server: 'protected', eraCache: false });
      cleanups.push(() => client.close());
      await client.connect(new WebSocketTransport(servers.mcp.webSocketUrl, { authProvider: provider }));
      return client;
    },
    async tempDir() {
      const dir = await mkdtemp(join(tmpdir(), 'mcpx-auth-e2e-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      return dir;
    },
  };
}

/** The text of a tool result. */
export function text(result: CallToolResult): string {
  return result.content.map((block) => ('text' in block ? String(block.text) : '')).join('\n');
}

/** `error` and its causes, outermost first. */
export function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 10; current = (current as { cause?: unknown }).cause)
    chain.push(current);
  return chain;
}
