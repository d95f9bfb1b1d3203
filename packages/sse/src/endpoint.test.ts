import { describe, expect, it } from 'vitest';
import { resolveEndpoint } from './endpoint.js';

const stream = new URL('http://127.0.0.1:3001/mcp/sse?tenant=a');

describe('resolveEndpoint', () => {
  it('resolves an absolute path against the stream URL', () => {
    expect(resolveEndpoint('/message?sessionId=abc', stream)).toEqual(new URL('http://127.0.0.1:3001/message?sessionId=abc'));
  });

  it('resolves a relative reference against the stream path', () => {
    expect(resolveEndpoint('messages?sessionId=abc', stream)).toEqual(new URL('http://127.0.0.1:3001/mcp/messages?sessionId=abc'));
  });

  it('accepts a full URL on the same origin, ignoring surrounding whitespace', () => {
    expect(resolveEndpoint(' http://127.0.0.1:3001/post \n', stream)).toEqual(new URL('http://127.0.0.1:3001/post'));
  });

  it.each([
    ['another host', 'http://evil.example/message', 'http://evil.example'],
    ['another port', 'http://127.0.0.1:3002/message', 'http://127.0.0.1:3002'],
    ['another scheme', 'https://127.0.0.1:3001/message', 'https://127.0.0.1:3001'],
    ['a protocol-relative reference', '//evil.example/message', 'http://evil.example'],
  ])('refuses %s, naming both origins', (_case, data, origin) => {
    const result = resolveEndpoint(data, stream);
    expect(typeof result).toBe('string');
    expect(result).toContain(origin);
    expect(result).toContain('http://127.0.0.1:3001');
  });

  it('refuses an empty endpoint and one that is not a URI reference', () => {
    expect(resolveEndpoint('  ', stream)).toContain('empty endpoint');
    expect(resolveEndpoint('http://[::1', stream)).toContain('not a URI reference');
  });
});
