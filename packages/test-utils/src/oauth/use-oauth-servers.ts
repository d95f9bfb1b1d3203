import { afterAll, beforeAll } from 'vitest';
import { startAuthorizationServer, type AuthorizationServer, type AuthorizationServerOptions } from './authorization-server.js';
import { startProtectedMcpServer, type ProtectedMcpServer, type ProtectedMcpServerOptions } from './protected-mcp-server.js';

/** The two OAuth peers of a test file or `describe` block, readable once its `beforeAll` ran. */
export interface OAuthServers {
  /** The real authorization server (`oidc-provider`). */
  readonly as: AuthorizationServer;
  /** The MCP server it protects. */
  readonly mcp: ProtectedMcpServer;
}

/** What {@link useOAuthServers} starts the two servers with. */
export interface OAuthServersOptions {
  /** The authorization server's options (its registered clients, token lifetimes...). */
  readonly as?: AuthorizationServerOptions;
  /** The protected MCP server's options; its authorization server is the one started here. */
  readonly mcp?: Omit<ProtectedMcpServerOptions, 'authorizationServer'>;
}

/**
 * Starts an authorization server and the MCP server it protects in a `beforeAll` of the
 * calling file or `describe` block (both on port 0) and closes them in its `afterAll`.
 *
 * @example
 * const oauth = useOAuthServers();
 * it('logs in', async () => {
 *   await connect(oauth.mcp.url);
 * });
 */
export function useOAuthServers(options: OAuthServersOptions = {}): OAuthServers {
  let as: AuthorizationServer | undefined;
  let mcp: ProtectedMcpServer | undefined;
  beforeAll(async () => {
    as = await startAuthorizationServer(options.as);
    mcp = await startProtectedMcpServer({ ...options.mcp, authorizationServer: as });
  });
  afterAll(async () => {
    await mcp?.close();
    await as?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('the OAuth servers are not started yet: read them inside a test or hook, not at collection time');
    return value;
  };
  return {
    get as() {
      return started(as);
    },
    get mcp() {
      return started(mcp);
    },
  };
}
