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
});
