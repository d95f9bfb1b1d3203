import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeHeaderValue } from './header-value.js';

const { vectors } = JSON.parse(readFileSync(new URL('../../test/fixtures/header-values/spec-examples.json', import.meta.url), 'utf8')) as {
  vectors: Array<{ value: string; header: string; reason: string }>;
};

describe('encodeHeaderValue', () => {
  it.each(vectors)('encodes the specification example $value ($reason)', ({ value, header }) => {
    expect(encodeHeaderValue(value)).toBe(header);
  });

  it('keeps inner spaces and the empty string as they are', () => {
    expect(encodeHeaderValue('us west 1')).toBe('us west 1');
    expect(encodeHeaderValue('')).toBe('');
  });

  it('encodes a tab, a carriage return and DEL, which are not visible ASCII', () => {
    for (const value of ['\tindented', 'a\rb', 'a\x7Fb']) {
      const header = encodeHeaderValue(value);
      expect(header).toMatch(/^=\?base64\?[A-Za-z0-9+/=]+\?=$/);
      expect(Buffer.from(header.slice(9, -2), 'base64').toString('utf8')).toBe(value);
    }
  });

  it('round-trips characters outside the Basic Multilingual Plane', () => {
    const header = encodeHeaderValue('tool 🚀');
    expect(Buffer.from(header.slice(9, -2), 'base64').toString('utf8')).toBe('tool 🚀');
  });
});
