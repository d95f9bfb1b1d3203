import { discoverResource, type ResourceMetadata } from './discovery/resource-metadata.js';
import { defaultServerMetadata, discoverServer, type ServerMetadata } from './discovery/server-metadata.js';
import type { HttpSettings } from './http.js';
import { OAuthError } from './oauth-error.js';
import { canonicalUrl, httpView, parseUrl, requireSecureUrl } from './url-policy.js';

/** What discovery found for one MCP server. */
export interface Discovered {
  /** The protected resource metadata, absent for a 2025-03-26 server. */
  resource: ResourceMetadata | undefined;
  /** The authorization server's metadata. */
  server: ServerMetadata;
  /** The identifier sent as `resource` (RFC 8707). */
  resourceId: string;
}

/**
 * Finds the authorization server of `mcpServer`: its protected resource metadata (from the
 * 401's `resource_metadata`, else the well-known URLs), then that server's metadata; for a
 * 2025-03-26 server without resource metadata, the metadata at its origin, else the
 * default endpoints there.
 */
export async function discover(http: HttpSettings, mcpServer: URL, resourceMetadataUrl: string | undefined): Promise<Discovered> {
  // Its well-known URLs and, for 2025-03-26 servers, its authorization endpoints share its origin
  // (over HTTP for a WebSocket server).
  const web = httpView(mcpServer);
  requireSecureUrl(web, 'the MCP server', 'resource discovery');
  const resource = await discoverResource(http, mcpServer, resourceMetadataUrl);
  const resourceId = resourceIdentifier(mcpServer, resource);
  if (resource === undefined) {
    const origin = new URL(web.origin);
    return { resource, server: (await discoverServer(http, origin)) ?? defaultServerMetadata(origin), resourceId };
  }
  const first = resource.authorizationServers[0];
  if (first === undefined) {
    throw new OAuthError('resource discovery', `the metadata at ${resource.url} names no authorization server`, {
      hint: 'tell the server operator: "authorization_servers" is empty',
    });
  }
  const issuer = parseUrl(first, `the authorization server named by ${resource.url}`, 'resource discovery');
  const server = await discoverServer(http, issuer);
  if (server === undefined) {
    throw new OAuthError(
      'authorization server discovery',
      `the authorization server ${issuer.href} publishes no metadata (tried RFC 8414 and OpenID discovery)`,
      {
        hint: 'check that the authorization server is up, or tell the server operator',
      },
    );
  }
  return { resource, server, resourceId };
}

/**
 * The `resource` sent to the authorization server: the MCP server's canonical URL, or the
 * identifier its metadata publishes when that covers it (a parent path).
 */
export function resourceIdentifier(mcpServer: URL, resource: ResourceMetadata | undefined): string {
  return resource === undefined ? canonicalUrl(mcpServer) : resource.resource;
}
