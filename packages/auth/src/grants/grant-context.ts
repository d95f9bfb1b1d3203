import type { ServerMetadata } from '../discovery/server-metadata.js';
import type { ResolvedOAuthOptions } from '../options.js';
import type { StoredTokens } from '../store/token-store.js';
import type { TokenEndpoint } from '../token-endpoint.js';

/** What a grant needs to obtain tokens for one MCP server. */
export interface GrantContext {
  options: ResolvedOAuthOptions;
  server: ServerMetadata;
  endpoint: TokenEndpoint;
  /** The MCP server's resource identifier (RFC 8707), sent with every request. */
  resource: string;
  /** The scopes to ask for, space-separated, if any. */
  scope: string | undefined;
  signal: AbortSignal | undefined;
}

/** Obtains tokens one way. */
export type Grant = (context: GrantContext) => Promise<StoredTokens>;
