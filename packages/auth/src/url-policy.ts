import { OAuthError, type OAuthStep } from './oauth-error.js';

/**
 * Whether `url` points at this machine: 127.0.0.0/8, `[::1]`, or the name `localhost` itself,
 * which the MCP authorization spec and RFC 8252 allow for plain HTTP and which resolvers answer
 * from the hosts file (the conformance suite serves its authorization servers there). Its
 * subdomains are not taken: RFC 6761 reserves `*.localhost` for loopback, but resolvers
 * without that special case send them to DNS, where they can name any host.
 */
export function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}

/**
 * Refuses an OAuth URL (metadata, endpoint, redirect) that is not HTTPS, unless it points
 * at this machine: tokens and codes must not cross the network in clear text.
 */
export function requireSecureUrl(url: URL, what: string, step: OAuthStep): URL {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return url;
  throw new OAuthError(step, `${what} ${url.href} is not HTTPS`, {
    hint: 'OAuth endpoints must use HTTPS (plain HTTP is allowed only on loopback addresses); check the server configuration',
  });
}

/** Parses `value` as an absolute URL, or fails the step naming `what` it was. */
export function parseUrl(value: unknown, what: string, step: OAuthStep): URL {
  if (typeof value === 'string') {
    try {
      return new URL(value);
    } catch {
      // reported below
    }
  }
  throw new OAuthError(step, `${what} is not a valid absolute URL (got ${JSON.stringify(value)})`, {
    hint: 'the server published broken metadata; tell its operator',
  });
}

/**
 * The canonical form of a resource or issuer identifier for comparison: scheme and host
 * in lower case, default port dropped, no fragment, and no trailing slash on the path.
 */
export function canonicalUrl(url: URL | string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.protocol}//${parsed.host}${path}${parsed.search}`;
}

/** `url` with a WebSocket scheme turned into its HTTP one (`wss:` → `https:`), where well-known documents live. */
export function httpView(url: URL): URL {
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return url;
  const web = new URL(url);
  web.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  return web;
}
