import { describe, expect, it } from 'vitest';
import { registrationScope } from './scopes.js';

const resource = { resource: 'https://mcp.example/mcp', authorizationServers: ['https://as.example'], url: 'https://mcp.example/.well-known/oauth-protected-resource/mcp' };

describe('registrationScope', () => {
  it('registers every scope the resource publishes besides those of the first login, so a step-up stays allowed', () => {
    expect(registrationScope('mcp:read offline_access', { ...resource, scopesSupported: ['mcp:read', 'mcp:write'] })).toBe('mcp:read offline_access mcp:write');
  });

  it('registers the login\'s scopes alone when the resource publishes none', () => {
    expect(registrationScope('mcp:read', { ...resource, scopesSupported: undefined })).toBe('mcp:read');
  });

  it('leaves the scope out when there is none to ask for', () => {
    expect(registrationScope(undefined, undefined)).toBeUndefined();
  });
});
