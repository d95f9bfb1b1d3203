import { describe, expect, it } from 'vitest';
import { text, useFakes } from './helpers.js';

describe('many requests in flight', () => {
  const fakes = useFakes();

  // Every message used to add an abort listener to one signal living as long as the
  // transport: past 10 in flight, Node warned of a leak (MaxListenersExceededWarning).
  it('all complete without a process warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const server = await fakes.mcpServer();
      server.on('tools/call', (context) =>
        context.result({ content: [{ type: 'text', text: String((context.message.params?.arguments as { n: number }).n) }] }),
      );
      const { client } = await fakes.client(server.url());
      const results = await Promise.all(Array.from({ length: 256 }, (_, n) => client.callTool('echo', { n })));
      expect(results.map(text)).toEqual(Array.from({ length: 256 }, (_, n) => String(n)));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
