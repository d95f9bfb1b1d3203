import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('hides the whole password, an @ in it included', () => {
    expect(redactUrl('redis://:p@ss@cache:6379')).toBe('redis://:***@cache:6379');
    expect(redactUrl('redis://user:secret@cache:6379/2')).toBe('redis://user:***@cache:6379/2');
  });

  it('leaves a URL without a password as it is', () => {
    expect(redactUrl('rediss://cache:6380')).toBe('rediss://cache:6380');
  });

  it('does not echo what does not parse', () => {
    expect(redactUrl('redis://:ab/cd@cache host')).toBe('<not a URL>');
  });
});
