import type { StoredLogin } from '@mcpx/core';

/**
 * Whether `value` has the shape of a `StoredLogin` (the fields `@mcpx/auth` relies on), so that a
 * value that decrypts but was written by something else reads as no login rather than failing later.
 */
export function isStoredLogin(value: unknown): value is StoredLogin {
  if (!isRecord(value) || !isRecord(value.client)) return false;
  if (typeof value.serverUrl !== 'string' || typeof value.issuer !== 'string' || typeof value.savedAt !== 'number') return false;
  if (typeof value.client.clientId !== 'string') return false;
  const tokens = value.tokens;
  return tokens === undefined || (isRecord(tokens) && typeof tokens.accessToken === 'string' && typeof tokens.tokenType === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
