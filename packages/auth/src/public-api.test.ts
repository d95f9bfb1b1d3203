import { readFileSync } from 'node:fs';
import { publicExports } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import * as entry from './index.js';

// The public API of @mcpx/auth: a name added to or taken from the index must be added to or taken
// from these lists too, so that growing the API is a decision made in review.
const VALUES = [
  'OAUTH_OPTION_KEYS',
  'OAuthError',
  'OAuthProvider',
  'defaultTokenDir',
  'fileTokenStore',
  'loginStoreKey',
  'memoryTokenStore',
  'openBrowser',
  'parseChallenges',
];

const TYPES = [
  'Challenge',
  'FetchLike',
  'FileTokenStoreOptions',
  'LoginStatus',
  'OAuthErrorOptions',
  'OAuthGrant',
  'OAuthOptions',
  'OAuthStep',
  'RefreshEvent',
  'Secret',
  'StoredClient',
  'StoredEndpoints',
  'StoredLogin',
  'StoredTokens',
  'TokenEndpointAuthMethod',
  'TokenStore',
  'UserAgent',
];

describe('the public API of @mcpx/auth', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(entry).sort()).toEqual(VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(publicExports(readFileSync(new URL('./index.ts', import.meta.url), 'utf8')).types).toEqual(TYPES);
  });
});
