import type { ResourceMetadata } from './discovery/resource-metadata.js';
import type { ServerMetadata } from './discovery/server-metadata.js';

/** Splits a space-separated scope string. */
export function scopeList(scope: string | undefined): string[] {
  return scope === undefined ? [] : scope.split(/\s+/).filter((s) => s !== '');
}

/**
 * The scopes to ask for, in the spec's order of preference: the user's, else the
 * challenge's `scope`, else the resource's `scopes_supported`, else none (the parameter
 * is left out). A step-up asks for what was granted before, those, and the challenge's
 * `scope` whatever else was chosen: the 403 named what is missing. `offline_access` is asked
 * for only when the authorization server lists it, and then always, so that a refresh
 * token comes back.
 */
export function chooseScope(input: {
  configured: readonly string[] | undefined;
  challenge: string | undefined;
  resource: ResourceMetadata | undefined;
  server: ServerMetadata;
  /** The scopes of the stored tokens, added on a step-up. */
  previous: string | undefined;
  /** True for a 403 `insufficient_scope`. */
  stepUp: boolean;
}): string | undefined {
  let scopes: string[];
  if (input.configured !== undefined && input.configured.length > 0) scopes = [...input.configured];
  else if (input.challenge !== undefined) scopes = scopeList(input.challenge);
  else scopes = [...(input.resource?.scopesSupported ?? [])];
  if (input.stepUp) scopes = [...scopeList(input.previous), ...scopes, ...scopeList(input.challenge)];
  const offered = Array.isArray(input.server.scopes_supported) ? (input.server.scopes_supported as unknown[]) : [];
  if (offered.includes('offline_access')) scopes.push('offline_access');
  else scopes = scopes.filter((s) => s !== 'offline_access');
  const unique = [...new Set(scopes)];
  return unique.length === 0 ? undefined : unique.join(' ');
}

/**
 * The `scope` a dynamic registration asks for: the scopes of this login and every scope the
 * resource publishes. Registered scopes bound what the client may ever ask for (RFC 7591
 * §2), so registering only the first login's scopes would make a later step-up fail with
 * `invalid_scope`.
 */
export function registrationScope(scope: string | undefined, resource: ResourceMetadata | undefined): string | undefined {
  const scopes = [...new Set([...scopeList(scope), ...(resource?.scopesSupported ?? [])])];
  return scopes.length === 0 ? undefined : scopes.join(' ');
}
