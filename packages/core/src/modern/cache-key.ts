import type { RequestContext } from '../middleware/request-context.js';
import type { CacheScope } from '../types/modern/cacheable.js';
import { sha256Hex } from './sha256.js';

/** Params that do not change the answer: the envelope and the multi round-trip fields. */
const IGNORED_PARAMS = new Set(['_meta', 'inputResponses', 'requestState']);

/**
 * The key of a cached result in a store given in `cache.store`: the `v1` tag, the server's cache
 * identity (hashed by the caller), the method, the params that matter, the `variant` (protocol
 * version and client capabilities, see `cacheVariant`) and the scope; a `private` key adds the
 * caller's identity (hashed here, see `identityKey`) and who asks in the request context, so that
 * it is only reused within the same authorization context. A `public` key is shared by every
 * identity. (In a store of the client's own, nothing of it is hashed: see `ModernMemory.cacheFor`.)
 */
export function cacheKey(
  server: string,
  method: string,
  params: Record<string, unknown> | undefined,
  scope: CacheScope,
  identity: string,
  context?: RequestContext,
  variant = '',
): string {
  return scopedKey(requestKey(serverPrefix(server), method, params, variant), scope, identityKey(identity), context);
}

/**
 * The caller's identity as it appears in private keys: its SHA-256, since `cache.identity` may be
 * a secret of the caller's own (an API key) that must not show to whoever lists a shared store's keys.
 */
export function identityKey(identity: string): string {
  return sha256Hex(identity);
}

/**
 * What else changes a server's answers: the protocol version and the client capabilities (which
 * can change `tools/list`), the latter as a short hash, or as their stable JSON when not `hashed`
 * (a store of the client's own, whose keys stay in the process).
 */
export function cacheVariant(protocolVersion: string, capabilities: unknown, hashed = true): string {
  const json = stableJson(capabilities ?? {});
  return `${JSON.stringify(protocolVersion)} ${hashed ? capabilitiesHash(json) : json}`;
}

/** How many capability sets `capabilitiesHash` remembers: a process's clients mostly declare one or a few. */
const REMEMBERED_CAPABILITIES = 16;
const capabilityHashes = new Map<string, string>();

/**
 * The short hash of a client's capabilities (their stable JSON), remembered: every connection of
 * every client with the same capabilities hashes the same text, which is no secret.
 */
function capabilitiesHash(json: string): string {
  let hash = capabilityHashes.get(json);
  if (hash === undefined) {
    hash = sha256Hex(json).slice(0, 16);
    if (capabilityHashes.size >= REMEMBERED_CAPABILITIES) capabilityHashes.clear();
    capabilityHashes.set(json, hash);
  }
  return hash;
}

/** The server (its `serverPrefix`), method, params and variant part of a key, built once for the lookups of both scopes. */
export function requestKey(prefix: string, method: string, params: Record<string, unknown> | undefined, variant = ''): string {
  return `${prefix}${paramsKey(method, params)} ${variant}`;
}

/**
 * A `requestKey` completed with the scope, and for a private result the identity (as the caller
 * keys it: its `identityKey` in a given store) and the parts of
 * the request context that say who asks (`userId`, `sessionId`, `clientId`; not its `ttlMs`,
 * `priority`, `tags` or `metadata`, which do not change the answer).
 */
export function scopedKey(request: string, scope: CacheScope, identity: string, context?: RequestContext): string {
  if (scope === 'public') return `${request} public`;
  const who = context === undefined ? {} : { userId: context.userId, sessionId: context.sessionId, clientId: context.clientId };
  return `${request} private ${JSON.stringify(identity)} ${stableJson(who)}`;
}

/** The start of every key of `server`'s entries (after the `v1` tag of the key format); JSON-quoted, so no server's prefix starts another's. */
export function serverPrefix(server: string): string {
  return `v1 ${JSON.stringify(server)} `;
}

/** `method` and the params that matter; a params object's JSON is closed, so no other params' key starts with it. */
export function paramsKey(method: string, params: Record<string, unknown> | undefined): string {
  const relevant = Object.fromEntries(Object.entries(params ?? {}).filter(([key]) => !IGNORED_PARAMS.has(key)));
  return `${method} ${stableJson(relevant)}`;
}

/** JSON with object keys sorted, so equal values give equal keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    // Fields set to undefined are left out, as on the wire.
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
