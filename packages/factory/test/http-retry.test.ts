import type { HttpRetry } from '@mcpx/http';
import { refuseOnce, startFakeMcpServer } from '@mcpx/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the onHttpRetry option', () => {
  it('is told of a Streamable HTTP server answering 503 once, with the method, attempt and status', async () => {
    const server = await startFakeMcpServer();
    cleanups.push(() => server.close());
    refuseOnce(server, 'tools/list', { tools: [] });
    const retries: HttpRetry[] = [];
    const client = await createClient(
      { url: `${server.url()}?key=secret` },
      { name: 'busy', onHttpRetry: (retry) => void retries.push(retry) },
    );
    cleanups.push(() => client.close());
    await expect(client.listTools()).resolves.toEqual({ tools: [] });
    expect(retries).toEqual([{ url: server.url(), method: 'tools/list', attempt: 1, delayMs: expect.any(Number) as unknown, status: 503 }]);
  });
});
