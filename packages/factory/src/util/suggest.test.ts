import { describe, expect, it } from 'vitest';
import { closest, levenshtein } from './suggest.js';

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('', '')).toBe(0);
    expect(levenshtein('args', 'args')).toBe(0);
    expect(levenshtein('arg', 'args')).toBe(1);
    expect(levenshtein('comand', 'command')).toBe(1);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'env')).toBe(3);
  });
});

describe('closest', () => {
  const keys = ['command', 'args', 'env', 'url', 'headers', 'toolPrefix'];

  it('suggests the nearest key within two edits, ignoring case', () => {
    expect(closest('comand', keys)).toBe('command');
    expect(closest('Headrs', keys)).toBe('headers');
    expect(closest('toolprefx', keys)).toBe('toolPrefix');
  });

  it('suggests nothing when every key is more than two edits away', () => {
    expect(closest('autoApprove', keys)).toBeUndefined();
    expect(closest('xyz', keys)).toBeUndefined();
  });
});
