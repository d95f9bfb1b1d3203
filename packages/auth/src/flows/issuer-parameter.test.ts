import { describe, expect, it } from 'vitest';
import type { ServerMetadata } from '../discovery/server-metadata.js';
import { OAuthError } from '../oauth-error.js';
import { checkIssuerParameter } from './issuer-parameter.js';

const advertising: ServerMetadata = { issuer: 'https://as.example', authorization_response_iss_parameter_supported: true };
const silent: ServerMetadata = { issuer: 'https://as.example' };
const params = (query: string): URLSearchParams => new URLSearchParams(query);

describe('checkIssuerParameter', () => {
  it('accepts the exact issuer', () => {
    expect(() => checkIssuerParameter(advertising, params('code=c&iss=https%3A%2F%2Fas.example'))).not.toThrow();
  });

  it('accepts no iss from a server that does not advertise it', () => {
    expect(() => checkIssuerParameter(silent, params('code=c'))).not.toThrow();
  });

  it('refuses a missing iss from a server that advertises it', () => {
    expect(() => checkIssuerParameter(advertising, params('code=c'))).toThrow(
      /advertises the iss response parameter but its redirect carried none/,
    );
  });

  it('refuses another issuer, naming both', () => {
    expect(() => checkIssuerParameter(advertising, params('code=c&iss=https%3A%2F%2Fevil.example'))).toThrow(
      /"https:\/\/evil.example", but the login was sent to https:\/\/as.example/,
    );
  });

  it('refuses a wrong iss even from a server that does not advertise it', () => {
    expect(() => checkIssuerParameter(silent, params('code=c&iss=https%3A%2F%2Fevil.example'))).toThrow(OAuthError);
  });

  it('counts a trailing slash as a mismatch (RFC 9207 compares strings)', () => {
    expect(() => checkIssuerParameter(advertising, params('code=c&iss=https%3A%2F%2Fas.example%2F'))).toThrow(/mix-up/);
  });

  it('fails the authorization step', () => {
    try {
      checkIssuerParameter(advertising, params('code=c'));
      expect.unreachable();
    } catch (error) {
      expect(OAuthError.isInstance(error) && error.step).toBe('authorization');
    }
  });
});
