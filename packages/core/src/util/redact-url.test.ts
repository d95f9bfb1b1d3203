import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('replaces a password with *** and keeps the user name, host, path and query', () => {
    expect(redactUrl('redis://user:secret@host:6380/2')).toBe('redis://user:***@host:6380/2');
    expect(redactUrl('rediss://:secret@host')).toBe('rediss://:***@host');
    expect(redactUrl('https://user:secret@host/mcp?tenant=a')).toBe('https://user:***@host/mcp?tenant=a');
  });

  it('hides the whole password when it holds an @', () => {
    expect(redactUrl('redis://:p@ss@cache:6379')).toBe('redis://:***@cache:6379');
  });

  it('leaves a URL without a password as it is', () => {
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redactUrl('rediss://cache:6380')).toBe('rediss://cache:6380');
  });

  it('removes the user name and password when told to drop the userinfo', () => {
    expect(redactUrl('https://user:secret@host/mcp', { userinfo: 'drop' })).toBe('https://host/mcp');
  });

  it('removes a query carrying credentials, and the fragment, when told to drop the query', () => {
    expect(redactUrl('https://host/mcp?api_key=secret#access_token=other', { query: 'drop' })).toBe('https://host/mcp');
  });

  it('gives a bare URL when told to drop both', () => {
    expect(redactUrl('http://u:p@127.0.0.1:4318/v1/traces?token=t', { userinfo: 'drop', query: 'drop' })).toBe(
      'http://127.0.0.1:4318/v1/traces',
    );
  });

  it('does not echo text that does not parse as a URL, since it may hold a password', () => {
    expect(redactUrl('secret@nowhere')).toBe('<not a URL>');
    expect(redactUrl('redis://:ab/cd@cache host')).toBe('<not a URL>');
    expect(redactUrl('not a url?token=secret', { userinfo: 'drop', query: 'drop' })).toBe('<not a URL>');
  });
});
