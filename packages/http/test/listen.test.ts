import { openSse, sseEvent } from '@mcpx/test-utils';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { aMoment, MODERN, probing, speakModern, until, useFakes } from './helpers.js';

const SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';

describe('subscriptions/listen over Streamable HTTP', () => {
  const fakes = useFakes();

  it('is one long-lived POST whose stream delivers the notifications, beyond any request timeout, until unsubscribed', async () => {
    const server = await fakes.mcpServer();
    speakModern(server);
    let stream: ServerResponse | undefined;
    let closed = false;
    let listenId: unknown;
    server.on('subscriptions/listen', ({ response, message }) => {
      listenId = message.id;
      openSse(response);
      const meta = { [SUBSCRIPTION_ID]: message.id };
      response.write(
        sseEvent({
          data: {
            jsonrpc: '2.0',
            method: 'notifications/subscriptions/acknowledged',
            params: { _meta: meta, notifications: message.params?.notifications },
          },
        }),
      );
      response.on('close', () => {
        closed = true;
      });
      stream = response;
    });
    const { client } = await fakes.client(server.url(), {}, { ...probing, requestTimeoutMs: 100 });
    const updated: unknown[] = [];
    client.on('notification', (event) => {
      if (event.method === 'notifications/resources/updated') updated.push(event.params.uri);
    });
    await client.subscribe({ resourceSubscriptions: ['test://counter'] });
    const listen = server.posts('subscriptions/listen')[0];
    expect(listen?.headers).toMatchObject({ 'mcp-method': 'subscriptions/listen', 'mcp-protocol-version': MODERN });
    expect(listen?.json).toMatchObject({ params: { notifications: { resourceSubscriptions: ['test://counter'] } } });

    await aMoment(300);
    stream?.write(
      sseEvent({
        data: {
          jsonrpc: '2.0',
          method: 'notifications/resources/updated',
          params: { _meta: { [SUBSCRIPTION_ID]: listenId }, uri: 'test://counter' },
        },
      }),
    );
    await until(() => updated.length === 1, 'the update');
    expect(updated).toEqual(['test://counter']);
    expect(closed).toBe(false);

    await client.unsubscribe({ resourceSubscriptions: ['test://counter'] });
    await until(() => closed, 'the listen stream to close');
    await aMoment();
    expect(server.posts('notifications/cancelled')).toEqual([]);
    expect(server.requests.some((r) => r.method === 'GET')).toBe(false);
  });
});
