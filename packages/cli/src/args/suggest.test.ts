import { describe, expect, it } from 'vitest';
import { closest, distance } from './suggest.js';

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
});
