import { describe, expect, it } from 'vitest';
import { prefixPattern } from './key-pattern.js';

describe('prefixPattern', () => {
  it('escapes the glob characters of the prefix and matches what follows it', () => {
    expect(prefixPattern('mcpx:cache:v1 a*b?[c]\\d ')).toBe('mcpx:cache:v1 a\\*b\\?\\[c\\]\\\\d *');
  });
});
