import { describe, expect, it } from 'vitest';
import { defaultNaming, NotInCatalogError } from '../src/index.js';
import { fakeServer, serveTools, text, useRegistries } from './helpers.js';

const open = useRegistries();

describe('the catalog of an unregistered server', () => {
  it('routes to the new server once a name is unregistered and registered again, and never by the old list', async () => {
    const { registry } = open({ defaults: { health: false } });
    registry.register({ name: 'a', connect: fakeServer('a', (s) => serveTools(s, 'old', ['x'])).connect });
    await registry.connectAll();
    expect(text(await registry.callTool('a__x'))).toBe('old:x:');
    await registry.unregister('a');
    await expect(registry.callTool('a__x')).rejects.toThrow(NotInCatalogError);
    registry.register({ name: 'a', connect: fakeServer('a', (s) => serveTools(s, 'new', ['y'])).connect });
    await registry.connect('a');
    expect(text(await registry.callTool('a__y'))).toBe('new:y:');
    await expect(registry.callTool('a__x')).rejects.toThrow(NotInCatalogError);
  });

  it('does not route a server registered while its namesake is still ending by the old list, nor drop its own list when that one ends', async () => {
    const { registry } = open({ defaults: { health: false } });
    registry.register({ name: 'a', connect: fakeServer('a', (s) => serveTools(s, 'old', ['x'])).connect });
    await registry.connectAll();
    await registry.listTools();
    const ending = registry.unregister('a');
    let lists = 0;
    registry.register({
      name: 'a',
      connect: fakeServer('a', (s) => {
        serveTools(s, 'new', ['y']);
        s.handle('tools/list', () => {
          lists++;
          return { tools: [{ name: 'y', inputSchema: { type: 'object' } }] };
        });
      }).connect,
    });
    const stale = registry.callTool('a__x');
    const connected = registry.connect('a');
    await expect(stale).rejects.toThrow(NotInCatalogError);
    await connected;
    await registry.listTools();
    await ending;
    expect(text(await registry.callTool('a__y'))).toBe('new:y:');
    expect(lists).toBe(1);
  });

  it('drops the routes of an unregistered server even when the naming function threw while indexing it', async () => {
    const naming = (prefix: string, name: string): string => {
      if (name === 'bad') throw new Error('no qualified name for "bad"');
      return defaultNaming(prefix, name);
    };
    const { registry } = open({ naming, defaults: { health: false } });
    registry.register({ name: 'a', connect: fakeServer('a', (s) => serveTools(s, 'a', ['ok', 'bad'])).connect });
    registry.register({ name: 'b', connect: fakeServer('b', (s) => serveTools(s, 'b', ['y'])).connect });
    await registry.connectAll();
    await expect(registry.callTool('a__ok')).rejects.toThrow('no qualified name for "bad"');
    expect(text(await registry.callTool('b__y'))).toBe('b:y:');
    await registry.unregister('a');
    await expect(registry.callTool('a__ok')).rejects.toThrow(NotInCatalogError);
  });
});
