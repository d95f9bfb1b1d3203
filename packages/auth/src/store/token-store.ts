// The token store contract lives in @mcpx/core (DESIGN.md: stores are core interfaces, so that
// @mcpx/redis implements it without depending on @mcpx/auth); the auth code imports it from here.
export type { TokenStore, StoredLogin, StoredTokens, StoredClient, StoredEndpoints, StoredJwk, ReleaseLock } from '@mcpx/core';
