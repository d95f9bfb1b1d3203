import { describe, expect, it } from 'vitest';
import { prefixPattern } from './key-pattern.js';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('replaces the password of a URL and keeps the rest', () => {
    expect(redactUrl('redis://user:secret@host:6380/2')).toBe('redis://user:***@host:6380/2');
    expect(redactUrl('rediss://:secret@host')).toBe('rediss://:***@host');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('shows a string that is not a URL as such, since it may hold a password', () => {
    expect(redactUrl('secret@nowhere')).toBe('<not a URL>');
  });
});

describe('prefixPattern', () => {
  it('escapes the glob characters of the prefix and matches what follows it', () => {
    expect(prefixPattern('mcpx:cache:v1 a*b?[c]\\d ')).toBe('mcpx:cache:v1 a\\*b\\?\\[c\\]\\\\d *');
  });
});
