import { describe, expect, it } from 'vitest';
import { cspSourceProblem } from './csp-source.js';

describe('the CSP sources an app may declare', () => {
  it.each([
    'https://api.example.com',
    'https://api.example.com:8443',
    'https://*.cdn.example.com',
    'https://*.example.com',
    'wss://realtime.example.com',
    'https://cdn.example.com/',
    'https://cdn.example.com/assets/v1.2/',
    'http://localhost:3000',
    'ws://127.0.0.1:8080',
    'http://[::1]:5173',
  ])('accepts %s', (source) => {
    expect(cspSourceProblem(source)).toBeUndefined();
  });

  it.each([
    ['an HTML character reference that decodes to ";" in a meta tag', 'https://a.example/x&#59connect-src&#32*'],
    ['a path with "<"', 'https://a.example/<script>'],
    ['a path with a control character', 'https://a.example/x\u0007'],
    ['a directive separator', "https://a.example; script-src 'unsafe-eval'"],
    ['whitespace', 'https://a.example https://b.example'],
    ['a query', 'https://a.example/?q=1'],
    ['a fragment', 'https://a.example/#top'],
    ['credentials', 'https://user:secret@a.example'],
    ['a bare wildcard', '*'],
    ['a scheme alone', 'https:'],
    ['a wildcard over a top-level domain', 'https://*.com'],
    ['plain http to a public host', 'http://api.example.com'],
    ['plain ws to a public host', 'ws://realtime.example.com'],
    ['a scheme other than https, wss, http or ws', 'ftp://files.example.com'],
    ['a port out of range', 'https://a.example:99999'],
  ])('refuses %s', (_what, source) => {
    expect(cspSourceProblem(source)).toEqual(expect.any(String));
  });
});
