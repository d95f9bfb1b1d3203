import { createHash } from 'node:crypto';
import type { ServerConfig } from '../config/types.js';

/** Headers that say who calls, not which server answers: left out of a remote server's key. */
const CALLER_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * The response cache's name for `server` in a shared store (`cache.serverKey`), the same in every
 * process with the same config: for a stdio server, its command, arguments, working directory and
 * the environment the config sets for it; for a remote one, its URL and headers other than
 * `Authorization`, `Proxy-Authorization` and `Cookie` (a header such as `X-Tenant` selects another
 * server; credentials select another caller, which the cache's identity separates). The
 * server's name in the config is not part of it, so two entries for one server share their
 * results. A SHA-256 digest, so that no argument, variable or header value is written in clear
 * (the key travels in invalidations).
 */
export function configServerKey(server: ServerConfig): string {
  if (server.transport === 'stdio') {
    const env = Object.entries(server.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `stdio:${digest([server.command, server.args, server.cwd ?? null, env])}`;
  }
  const headers = Object.entries(server.headers)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !CALLER_HEADERS.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `url:${digest([server.url, headers])}`;
}

function digest(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
