import { describe, expect, it } from 'vitest';
import { defaultNaming, type NamingPolicy } from '../src/index.js';
import { fakeServer, serveTools, settle, text, useRegistries } from './helpers.js';

const open = useRegistries();

/** The default naming, counting its calls: one call is one entry qualified. */
function countingNaming(): { naming: NamingPolicy; calls: () => number } {
  let calls = 0;
  return {
    naming: (prefix, name) => {
      calls++;
      return defaultNaming(prefix, name);
    },
    calls: () => calls,
  };
}

const tools = (count: number): string[] => Array.from({ length: count }, (_, i) => `tool-${i}`);

describe('the catalog of a large fleet', () => {
  it('names each tool once per listing: listing 2,000 tools over 200 servers qualifies 2,000 entries', async () => {
    const { naming, calls } = countingNaming();
    const { registry } = open({ naming, defaults: { health: false } });
    for (let i = 0; i < 200; i++)
      registry.register({ name: `s${i}`, connect: fakeServer(`s${i}`, (s) => serveTools(s, `s${i}`, tools(10))).connect });
    await registry.connectAll();
    await registry.listTools();
    const before = calls();
    const { tools: listed } = await registry.listTools();
    expect(listed).toHaveLength(2000);
    expect(calls() - before).toBe(2000);
  });

  it('routes calls while 100 servers answer their lists one by one, qualifying each list once rather than the whole catalog on every arrival', async () => {
    const { naming, calls } = countingNaming();
    const { registry } = open({ naming, defaults: { health: false } });
    const releases: Array<() => void> = [];
    for (let i = 0; i < 100; i++) {
      const name = `s${i}`;
      const member = fakeServer(name, (server) => {
        serveTools(server, name, tools(10));
        const answer = { tools: tools(10).map((tool) => ({ name: tool, inputSchema: { type: 'object' } })) };
        server.handle('tools/list', () => new Promise((resolve) => releases.push(() => resolve(answer))));
      });
      registry.register({ name, connect: member.connect });
    }
    await registry.connectAll();
    const listing = registry.listTools();
    await settle();
    expect(releases).toHaveLength(100);
    for (const [i, release] of releases.entries()) {
      release();
      await settle();
      expect(text(await registry.callTool(`s${i}__tool-3`, { message: 'x' }))).toBe(`s${i}:tool-3:x`);
    }
    expect((await listing).tools).toHaveLength(1000);
    // Each list qualified once for routing, and once more by the listing itself. Rebuilding the
    // routes from every list at each arrival would qualify 10 + 20 + ... + 1,000 = 50,500 entries.
    expect(calls()).toBe(2000);
  });
});
