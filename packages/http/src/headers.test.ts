import { describe, expect, it } from 'vitest';
import { mediaType, mergeHeaders, sameOrigin, secretNames, stripSecrets } from './headers.js';

describe('headers', () => {
  it('merges sources with later ones winning, names lower case', () => {
    expect(mergeHeaders({ Accept: 'a', 'X-One': '1' }, undefined, { accept: 'b' })).toEqual({ accept: 'b', 'x-one': '1' });
  });

  it('counts Authorization, cookies, the session id, configured and provider headers as secret', () => {
    const secrets = secretNames(new Set(['x-api-key']), { 'X-Provider-Token': 't' });
    const kept = stripSecrets(
      {
        authorization: 'Bearer t',
        cookie: 'c',
        'proxy-authorization': 'p',
        'mcp-session-id': 's',
        'x-api-key': 'k',
        'x-provider-token': 't',
        'x-trace': 'keep',
        accept: 'a',
      },
      secrets,
    );
    expect(kept).toEqual({ 'x-trace': 'keep', accept: 'a' });
  });

  it('compares origins by scheme, host and port', () => {
    expect(sameOrigin(new URL('http://127.0.0.1:80/a'), new URL('http://127.0.0.1/b'))).toBe(true);
    expect(sameOrigin(new URL('http://127.0.0.1:8080/a'), new URL('http://127.0.0.1:8081/a'))).toBe(false);
    expect(sameOrigin(new URL('https://example.com/a'), new URL('http://example.com/a'))).toBe(false);
  });

  it('reads the media type of a Content-Type without its parameters', () => {
    expect(mediaType('Text/Event-Stream; charset=utf-8')).toBe('text/event-stream');
    expect(mediaType(null)).toBe('');
  });
});
