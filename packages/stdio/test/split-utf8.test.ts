import { describe, expect, it } from 'vitest';
import { faultServer, useTransports } from './helpers.js';

const open = useTransports();

describe('a server whose multi-byte characters arrive split across chunks', () => {
  it('delivers the text intact', async () => {
    const server = open(faultServer('split-utf8'));
    await server.transport.start();
    const message = await server.message();
    expect(message).toEqual({ jsonrpc: '2.0', method: 'utf8', params: { text: 'héllo wörld — 世界 🎉 ünïcødé 🧪' } });
    expect(server.diagnostics.filter((event) => event.type === 'non-json')).toEqual([]);
    expect(server.errors).toEqual([]);
  });
});
