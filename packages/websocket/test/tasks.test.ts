import { describeTaskSuite, startWebSocketBridge, type WebSocketBridge } from '@mcpx/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { WebSocketTransport } from '../src/index.js';

let bridge: WebSocketBridge;

beforeAll(async () => {
  bridge = await startWebSocketBridge();
});

afterAll(async () => {
  await bridge.close();
});

describeTaskSuite('websocket', () => new WebSocketTransport(bridge.url, { name: 'everything' }));
