import { firstDocument, type HttpSettings } from '../http.js';
import { OAuthError } from '../oauth-error.js';
import { canonicalUrl, httpView, parseUrl, requireSecureUrl } from '../url-policy.js';

const STEP = 'resource discovery';

/** The parts of RFC 9728 protected resource metadata mcpx uses. */
export interface ResourceMetadata {
  /** The resource identifier, as published. */
  resource: string;
  /** The authorization servers' issuer URLs; the first is used. */
  authorizationServers: string[];
  /** The scopes the resource knows, if published. */
  scopesSupported: string[] | undefined;
  /** Where the document came from. */
  url: string;
}

/**
 * Where to look for the protected resource metadata of `server`, in the spec's order: the
 * URL the 401 named, then the path-based well-known URL, then the root one.
 */
export function resourceMetadataUrls(server: URL, fromChallenge: string | undefined): URL[] {
  const urls: URL[] = [];
  if (fromChallenge !== undefined)
    urls.push(requireSecureUrl(parseUrl(fromChallenge, 'the resource_metadata of the 401', STEP), 'the resource metadata URL', STEP));
  const web = httpView(server);
  const path = web.pathname.replace(/\/+$/, '');
  if (path !== '') urls.push(new URL(`/.well-known/oauth-protected-resource${path}`, web));
  urls.push(new URL('/.well-known/oauth-protected-resource', web));
  return urls;
}

/**
 * Fetches the protected resource metadata of `server`. Resolves `undefined` when no
 * candidate URL has any (a 2025-03-26 server, whose authorization server is its origin);
 * rejects when a document is broken or is for another resource.
 */
export async function discoverResource(
  http: HttpSettings,
  server: URL,
  fromChallenge: string | undefined,
): Promise<ResourceMetadata | undefined> {
  const found = await firstDocument(http, resourceMetadataUrls(server, fromChallenge), STEP);
  return found === undefined ? undefined : checkResource(server, found.url, found.json);
}

function checkResource(server: URL, url: URL, json: Record<string, unknown>): ResourceMetadata {
  const resource = parseUrl(json.resource, `the "resource" of ${url.href}`, STEP);
  if (!resourceCovers(resource, server)) {
    throw new OAuthError(STEP, `the metadata at ${url.href} is for the resource ${resource.href}, not for ${server.href}`, {
      hint: 'a server may only send clients to its own metadata; check the server URL, or tell the server operator',
    });
  }
  const servers = json.authorization_servers;
  const authorizationServers = Array.isArray(servers) ? servers.filter((s): s is string => typeof s === 'string') : [];
  const scopes = json.scopes_supported;
  return {
    resource: json.resource as string,
    authorizationServers,
    scopesSupported: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : undefined,
    url: url.href,
  };
}

/**
 * Whether a published resource identifier covers `server`: the same origin, and a path
 * that is the server's or one of its parents (a resource of `https://h/` covers `https://h/mcp`).
 */
export function resourceCovers(resource: URL, server: URL): boolean {
  const published = canonicalUrl(resource);
  const actual = canonicalUrl(server);
  return actual === published || actual.startsWith(`${published}/`);
}
