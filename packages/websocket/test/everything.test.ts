import { McpClient } from '@mcpx/core';
import { describeFeatureSuite, describeTaskReceiverSuite, startWebSocketBridge, type WebSocketBridge } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketTransport } from '../src/index.js';
import { until } from './helpers.js';

let bridge: WebSocketBridge;

beforeAll(async () => {
  bridge = await startWebSocketBridge();
});

afterAll(async () => {
  await bridge.close();
});

describeFeatureSuite('websocket', () => new WebSocketTransport(bridge.url, { name: 'everything' }));
describeTaskReceiverSuite('websocket', () => new WebSocketTransport(bridge.url, { name: 'everything' }));

describe('the bridge to server-everything', () => {
  it('runs the real server for each connection and ends it when the connection closes', async () => {
    await until(() => bridge.children.size === 0, 'the servers of earlier tests to exit');
    const client = new McpClient({ server: 'everything' });
    await client.connect(new WebSocketTransport(bridge.url));
    expect(client.serverInfo?.name).toMatch(/everything/i);
    expect(bridge.children.size).toBe(1);
    await client.close();
    await until(() => bridge.children.size === 0, 'the server process to exit');
  });
});
