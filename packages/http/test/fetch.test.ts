import { TransportError } from '@mcpx/core';
import { freePort } from '@mcpx/test-utils';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { initialize, useFakes } from './helpers.js';

describe('how requests are sent', () => {
  const fakes = useFakes();

  it('through a user-supplied fetch, with redirects left to the transport', async () => {
    const server = await fakes.mcpServer();
    const seen: Array<[string, string | undefined, RequestInit['redirect']]> = [];
    const { client } = await fakes.client(server.url(), {
      fetch: (input, init) => {
        seen.push([input, init.method, init.redirect]);
        return fetch(input, init);
      },
    });
    await client.ping();
    expect(seen.slice(0, 2)).toEqual([
      [server.url(), 'POST', 'manual'],
      [server.url(), 'POST', 'manual'],
    ]);
  });

  it('through a dispatcher the user passes in', async () => {
    const server = await fakes.mcpServer();
    const agent = new Agent({ connections: 4 });
    let dispatched = 0;
    const counting = agent.compose((dispatch) => (options, handler) => {
      dispatched++;
      return dispatch(options, handler);
    });
    try {
      const { client } = await fakes.client(server.url(), { dispatcher: counting });
      await client.ping();
      await client.close();
      expect(dispatched).toBeGreaterThanOrEqual(4);
    } finally {
      await agent.close();
    }
  });

  it('retrying a safe message when the server cannot be reached, then failing with a retryable TransportError', async () => {
    const port = await freePort();
    const backoff: number[] = [];
    const { transport } = fakes.transport(`http://127.0.0.1:${port}/mcp`, { retry: { backoff: (attempt) => (backoff.push(attempt), 5) } });
    await transport.start();
    const error = await transport.send(initialize()).catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, message: expect.stringContaining(`could not reach http://127.0.0.1:${port}/mcp: `) });
    expect(backoff).toEqual([0, 1]);
  });
});
