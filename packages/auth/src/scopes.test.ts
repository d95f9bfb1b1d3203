import { describe, expect, it } from 'vitest';
import type { ResourceMetadata } from './discovery/resource-metadata.js';
import type { ServerMetadata } from './discovery/server-metadata.js';
import { chooseScope, registrationScope, scopeList } from './scopes.js';

const resource: ResourceMetadata = {
  resource: 'https://mcp.example/mcp',
  authorizationServers: ['https://as.example'],
  scopesSupported: ['files:read', 'files:write'],
  url: 'https://mcp.example/.well-known/oauth-protected-resource/mcp',
};
const server: ServerMetadata = { issuer: 'https://as.example' };
const serverWithOffline: ServerMetadata = { issuer: 'https://as.example', scopes_supported: ['files:read', 'offline_access'] };
const base = { configured: undefined, challenge: undefined, resource, server, previous: undefined, stepUp: false };

describe('chooseScope', () => {
  it('prefers the configured scopes over the challenge and the metadata', () => {
    expect(chooseScope({ ...base, configured: ['admin'], challenge: 'files:read' })).toBe('admin');
  });

  it('takes the challenge scope over scopes_supported', () => {
    expect(chooseScope({ ...base, challenge: 'files:read' })).toBe('files:read');
  });

  it('falls back to the resource scopes_supported', () => {
    expect(chooseScope(base)).toBe('files:read files:write');
  });

  it('omits the scope when nothing names one', () => {
    expect(chooseScope({ ...base, resource: undefined })).toBeUndefined();
    expect(chooseScope({ ...base, resource: { ...resource, scopesSupported: undefined } })).toBeUndefined();
  });

  it('treats an empty configured list as not configured', () => {
    expect(chooseScope({ ...base, configured: [], challenge: 'files:read' })).toBe('files:read');
  });

  it('asks for the union of the previous grant and the new challenge on a step-up, once each', () => {
    expect(chooseScope({ ...base, challenge: 'files:write files:read', previous: 'files:read', stepUp: true })).toBe(
      'files:read files:write',
    );
  });

  it('asks on a step-up for the challenge scope besides the configured ones and the previous grant', () => {
    expect(chooseScope({ ...base, configured: ['files:read'], challenge: 'files:admin', previous: 'files:read', stepUp: true })).toBe(
      'files:read files:admin',
    );
  });

  it('asks for the configured scopes, not the previous grant, on a login that is not a step-up', () => {
    expect(chooseScope({ ...base, configured: ['files:read'], previous: 'files:read files:write' })).toBe('files:read');
  });

  it('adds offline_access when the authorization server lists it', () => {
    expect(chooseScope({ ...base, server: serverWithOffline, challenge: 'files:read' })).toBe('files:read offline_access');
  });

  it('drops offline_access when the authorization server does not list it', () => {
    expect(chooseScope({ ...base, configured: ['files:read', 'offline_access'] })).toBe('files:read');
  });

  it('asks for offline_access alone when it is the only scope there is', () => {
    expect(chooseScope({ ...base, resource: undefined, server: serverWithOffline })).toBe('offline_access');
  });
});

describe('scopeList', () => {
  it('splits on any run of whitespace and drops empty parts', () => {
    expect(scopeList('  a\tb  c ')).toEqual(['a', 'b', 'c']);
    expect(scopeList(undefined)).toEqual([]);
  });
});

describe('registrationScope', () => {
  it('registers every scope the resource publishes besides those of the first login, so a step-up stays allowed', () => {
    expect(registrationScope('mcp:read offline_access', { ...resource, scopesSupported: ['mcp:read', 'mcp:write'] })).toBe(
      'mcp:read offline_access mcp:write',
    );
  });

  it("registers the login's scopes alone when the resource publishes none", () => {
    expect(registrationScope('mcp:read', { ...resource, scopesSupported: undefined })).toBe('mcp:read');
  });

  it('leaves the scope out when there is none to ask for', () => {
    expect(registrationScope(undefined, undefined)).toBeUndefined();
  });
});
