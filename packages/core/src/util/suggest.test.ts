import { describe, expect, it } from 'vitest';
import { closestMatch as closest, editDistance as distance } from './suggest.js';

describe('did you mean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(distance('cuont', 'count')).toBe(1);
    expect(distance('tool', 'tools')).toBe(1);
    expect(distance('', 'abc')).toBe(3);
  });

  it('suggests only candidates close enough to be a typo', () => {
    expect(closest('everythng', ['everything', 'memory'])).toBe('everything');
    expect(closest('bogus', ['servers', 'tools', 'call'])).toBeUndefined();
  });

  it('suggests nothing for a one-letter word that shares nothing with the candidates', () => {
    expect(closest('c', ['a', 'b'])).toBeUndefined();
    expect(closest('z', ['ab'])).toBeUndefined();
  });

  it('still suggests for short words with a letter in common or a swap', () => {
    expect(closest('A', ['a', 'b'])).toBe('a');
    expect(closest('x', ['xy'])).toBe('xy');
    expect(closest('ba', ['ab', 'cd'])).toBe('ab');
  });

  it('allows more edits in proportion to the length', () => {
    expect(closest('--lng', ['--long', '--json'])).toBe('--long');
    expect(closest('filesytsem', ['filesystem'])).toBe('filesystem');
    expect(closest('memroy-servr', ['memory-server'])).toBe('memory-server');
    expect(closest('abcdef', ['uvwxyz'])).toBeUndefined();
  });

  it('ignores case, and suggests nothing for a word far from every candidate', () => {
    const keys = ['command', 'args', 'env', 'url', 'headers', 'toolPrefix'];
    expect(closest('comand', keys)).toBe('command');
    expect(closest('Headrs', keys)).toBe('headers');
    expect(closest('toolprefx', keys)).toBe('toolPrefix');
    expect(closest('autoApprove', keys)).toBeUndefined();
    expect(closest('xyz', keys)).toBeUndefined();
  });
});
