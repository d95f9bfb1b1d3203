import { ConfigError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import type { OAuthOptions } from './options.js';
import { resolveOAuthOptions } from './options.js';

const messageOf = (options: unknown): string => {
  try {
    resolveOAuthOptions(options as OAuthOptions);
  } catch (error) {
    expect(ConfigError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('resolveOAuthOptions', () => {
  it('applies the defaults', () => {
    const resolved = resolveOAuthOptions({ interactive: false });
    expect(resolved).toMatchObject({
      grant: { type: 'authorization_code' },
      redirectPort: 0,
      requestTimeoutMs: 30_000,
      loginTimeoutMs: 300_000,
      maxStepUps: 2,
      clientName: 'mcpx',
      interactive: false,
    });
  });

  it('is interactive when a userAgent is given', () => {
    expect(resolveOAuthOptions({ userAgent: () => undefined }).interactive).toBe(true);
  });

  it('suggests the spelling of a mistyped option', () => {
    expect(messageOf({ clientID: 'x' })).toMatch(/new OAuthProvider\(\): unknown option "clientID"; did you mean "clientId"\?/);
    expect(messageOf({ scope: ['a'] })).toMatch(/did you mean "scopes"\?/);
  });

  it('refuses an unknown grant type, listing the known ones', () => {
    expect(messageOf({ grant: { type: 'password' } })).toContain(
      '"grant.type" must be one of authorization_code, client_credentials, enterprise, workload_identity (got "password")',
    );
  });

  it('refuses client_credentials without a client and a secret or key', () => {
    expect(messageOf({ grant: { type: 'client_credentials' } })).toContain('needs "clientId"');
    expect(messageOf({ grant: { type: 'client_credentials' }, clientId: 'c' })).toContain('needs "clientSecret" or "privateKey"');
  });

  it('refuses the machine grants without their inputs', () => {
    expect(messageOf({ grant: { type: 'workload_identity' } })).toContain('needs "token" or "tokenFile"');
    expect(messageOf({ grant: { type: 'enterprise', idToken: 'x' } })).toContain('needs "idToken" and "idpTokenEndpoint"');
  });

  it.each([-1, 65536, 1.5, Number.NaN])('refuses the redirect port %s', (port) => {
    expect(messageOf({ redirectPort: port })).toContain('"redirectPort" must be a port number from 0 to 65535');
  });

  it('refuses a time-out that is not a positive number', () => {
    expect(messageOf({ requestTimeoutMs: 0 })).toContain('"requestTimeoutMs" must be a positive number of milliseconds (got 0)');
    expect(messageOf({ loginTimeoutMs: Number.POSITIVE_INFINITY })).toContain('"loginTimeoutMs"');
  });

  it('refuses a clientMetadataUrl that is not HTTPS or has no path', () => {
    expect(messageOf({ clientMetadataUrl: 'http://client.example/metadata.json' })).toContain(
      '"clientMetadataUrl" must be an HTTPS URL with a path',
    );
    expect(messageOf({ clientMetadataUrl: 'https://client.example/' })).toContain('"clientMetadataUrl"');
  });

  it('accepts an HTTPS clientMetadataUrl with a path', () => {
    expect(resolveOAuthOptions({ clientMetadataUrl: 'https://client.example/oauth/metadata.json' }).clientMetadataUrl).toBe(
      'https://client.example/oauth/metadata.json',
    );
  });
});
