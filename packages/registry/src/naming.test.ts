import { describe, expect, it } from 'vitest';
import { defaultNaming, qualifyAll, separatorNaming } from './naming.js';

describe('tool naming', () => {
  it('qualifies as server__tool by default, and leaves the name alone for an empty prefix', () => {
    expect(defaultNaming('github', 'create_issue')).toBe('github__create_issue');
    expect(defaultNaming('', 'create_issue')).toBe('create_issue');
  });

  it('takes another separator', () => {
    expect(separatorNaming('.')('fs', 'read')).toBe('fs.read');
  });

  it('keeps the first server of a shared name and reports every server involved, in order', () => {
    const entries = [
      { server: 'a', prefix: 'x', name: 'read' },
      { server: 'b', prefix: 'x', name: 'read' },
      { server: 'b', prefix: 'x', name: 'write' },
      { server: 'c', prefix: 'x', name: 'read' },
    ];
    const { index, collisions } = qualifyAll(entries, defaultNaming);
    expect([...index.keys()]).toEqual(['x__read', 'x__write']);
    expect(index.get('x__read')?.server).toBe('a');
    expect(collisions).toEqual([{ name: 'x__read', servers: ['a', 'b', 'c'] }]);
  });

  it('detects names that only collide once qualified', () => {
    const { collisions } = qualifyAll(
      [
        { server: 'a', prefix: 'a', name: 'b__c' },
        { server: 'a__b', prefix: 'a__b', name: 'c' },
      ],
      defaultNaming,
    );
    expect(collisions).toEqual([{ name: 'a__b__c', servers: ['a', 'a__b'] }]);
  });
});
