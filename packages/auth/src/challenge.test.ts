import { describe, expect, it } from 'vitest';
import { oauthChallenge, parseChallenges } from './challenge.js';

describe('parseChallenges', () => {
  it('reads a Bearer challenge with quoted and token parameters', () => {
    expect(parseChallenges('Bearer realm="mcp", error=invalid_token, scope="read write"')).toEqual([
      { scheme: 'bearer', params: { realm: 'mcp', error: 'invalid_token', scope: 'read write' } },
    ]);
  });

  it('removes the escapes of a quoted string and keeps the commas inside it', () => {
    const [challenge] = parseChallenges('Bearer error_description="a \\"quoted\\" word, and a back\\\\slash"');
    expect(challenge?.params.error_description).toBe('a "quoted" word, and a back\\slash');
  });

  it('reads several challenges in one header', () => {
    const challenges = parseChallenges(
      'Basic realm="x", DPoP algs="ES256 RS256", error="use_dpop_nonce", Bearer resource_metadata="https://h/.well-known/oauth-protected-resource"',
    );
    expect(challenges.map((c) => c.scheme)).toEqual(['basic', 'dpop', 'bearer']);
    expect(challenges[1]?.params).toEqual({ algs: 'ES256 RS256', error: 'use_dpop_nonce' });
    expect(challenges[2]?.params.resource_metadata).toBe('https://h/.well-known/oauth-protected-resource');
  });

  it('skips a token68 and goes on with the next challenge', () => {
    const challenges = parseChallenges('Negotiate abc123==, Bearer scope="files"');
    expect(challenges).toEqual([
      { scheme: 'negotiate', params: {} },
      { scheme: 'bearer', params: { scope: 'files' } },
    ]);
  });

  it('lower-cases schemes and parameter names but not values', () => {
    expect(parseChallenges('BEARER Scope="Read"')).toEqual([{ scheme: 'bearer', params: { scope: 'Read' } }]);
  });

  it('keeps what came before an unterminated quoted string', () => {
    expect(parseChallenges('Bearer realm="ok", scope="never closed')).toEqual([{ scheme: 'bearer', params: { realm: 'ok' } }]);
  });

  it('returns nothing for an absent, empty or garbage header', () => {
    expect(parseChallenges(undefined)).toEqual([]);
    expect(parseChallenges('   ')).toEqual([]);
    expect(parseChallenges('"{}" <html>')).toEqual([]);
  });
});

describe('oauthChallenge', () => {
  it('picks the first Bearer or DPoP challenge', () => {
    expect(oauthChallenge('Basic realm="x", DPoP error="use_dpop_nonce", Bearer scope="a"')?.scheme).toBe('dpop');
  });

  it('is undefined when the header offers no OAuth scheme', () => {
    expect(oauthChallenge('Basic realm="x"')).toBeUndefined();
  });
});
