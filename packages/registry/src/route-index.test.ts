import { describe, expect, it } from 'vitest';
import type { ManagedServer } from './managed-server.js';
import { defaultNaming } from './naming.js';
import { RouteIndex } from './route-index.js';

function server(name: string, order: number, prefix = name): ManagedServer {
  return { name, order, config: { toolPrefix: prefix } } as unknown as ManagedServer;
}

function index(lists: Map<ManagedServer, string[]>): RouteIndex {
  return new RouteIndex((s) => lists.get(s)?.map((name) => ({ name })), defaultNaming);
}

describe('the route index', () => {
  it('gives a shared name to the server registered first, whatever order their lists came in, and to the next once it drops it', () => {
    const first = server('a', 0, '');
    const second = server('b', 1, '');
    const lists = new Map([[second, ['search']]]);
    const routes = index(lists);
    routes.changed(second);
    expect(routes.get('search')?.server).toBe(second);
    lists.set(first, ['search', 'read']);
    routes.changed(first);
    expect(routes.get('search')?.server).toBe(first);
    lists.set(first, ['read']);
    routes.changed(first);
    expect(routes.get('search')?.server).toBe(second);
  });

  it('forgets the routes of a server whose list is gone, and keeps the others', () => {
    const a = server('a', 0);
    const b = server('b', 1);
    const lists = new Map([
      [a, ['x']],
      [b, ['y']],
    ]);
    const routes = index(lists);
    routes.changed(a);
    routes.changed(b);
    expect(routes.get('a__x')).toMatchObject({ server: a, name: 'x' });
    lists.delete(a);
    routes.changed(a);
    expect(routes.get('a__x')).toBeUndefined();
    expect(routes.get('b__y')).toMatchObject({ server: b, name: 'y' });
  });

  it('reads a changed list once, at the next lookup, however many times it was marked', () => {
    const a = server('a', 0);
    let reads = 0;
    const routes = new RouteIndex(() => {
      reads++;
      return [{ name: 'x' }];
    }, defaultNaming);
    routes.changed(a);
    routes.changed(a);
    expect(reads).toBe(0);
    routes.get('a__x');
    routes.get('a__x');
    expect(reads).toBe(1);
  });

  it('forgets a removed server at once, without reading its list again at the next lookup', () => {
    const a = server('a', 0);
    const b = server('b', 1);
    const read: ManagedServer[] = [];
    const routes = new RouteIndex((s) => {
      read.push(s);
      return [{ name: 'x' }];
    }, defaultNaming);
    routes.changed(a);
    expect(routes.get('a__x')?.server).toBe(a);
    routes.changed(a);
    routes.changed(b);
    routes.remove(a);
    read.length = 0;
    expect(routes.get('a__x')).toBeUndefined();
    expect(routes.get('b__x')?.server).toBe(b);
    expect(read).toEqual([b]);
  });

  it('still drops the names a naming function gave before it threw, and refreshes the other servers at the next lookup', () => {
    const a = server('a', 0);
    const b = server('b', 1);
    const lists = new Map([
      [a, ['ok', 'bad']],
      [b, ['y']],
    ]);
    const routes = new RouteIndex(
      (s) => lists.get(s)?.map((name) => ({ name })),
      (prefix, name) => {
        if (name === 'bad') throw new Error('no name for bad');
        return defaultNaming(prefix, name);
      },
    );
    routes.changed(a);
    routes.changed(b);
    expect(() => routes.get('a__ok')).toThrow('no name for bad');
    expect(routes.get('b__y')?.server).toBe(b);
    expect(routes.get('a__ok')?.server).toBe(a);
    routes.remove(a);
    expect(routes.get('a__ok')).toBeUndefined();
  });

  it('routes a name a server lists twice to its first entry, and drops it once', () => {
    const a = server('a', 0);
    const lists = new Map([[a, ['x', 'x']]]);
    const routes = index(lists);
    routes.changed(a);
    expect(routes.get('a__x')).toMatchObject({ server: a, name: 'x' });
    lists.set(a, []);
    routes.changed(a);
    expect(routes.get('a__x')).toBeUndefined();
  });

  it('gives a qualified name that two prefixes produce (a + b__c, a__b + c) to the server registered first, then to the other', () => {
    const first = server('one', 0, 'a');
    const second = server('two', 1, 'a__b');
    const lists = new Map([
      [second, ['c']],
      [first, ['b__c']],
    ]);
    const routes = index(lists);
    routes.changed(second);
    routes.changed(first);
    expect(routes.get('a__b__c')).toMatchObject({ server: first, name: 'b__c' });
    routes.remove(first);
    expect(routes.get('a__b__c')).toMatchObject({ server: second, name: 'c' });
  });
});
