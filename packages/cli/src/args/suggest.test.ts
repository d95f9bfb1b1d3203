import { closestMatch } from '@mcpx/core/internal';
import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from './suggest.js';

describe('did you mean', () => {
  it("agrees with core's closestMatch, whose tests cover the rule", () => {
    const candidates = ['everything', 'memory', 'servers', 'tools', 'call', '--long', '--json', 'a', 'b', 'ab', 'xy', 'filesystem'];
    for (const word of ['everythng', 'bogus', 'c', 'z', 'A', 'x', 'ba', '--lng', 'filesytsem', 'memroy', 'tool', '']) {
      expect(closest(word, candidates)).toBe(closestMatch(word, candidates));
    }
  });

  it('is said only for a likely typo', () => {
    expect(didYouMean('everythng', ['everything'])).toBe('; did you mean "everything"?');
    expect(didYouMean('c', ['a'])).toBe('');
  });
});
