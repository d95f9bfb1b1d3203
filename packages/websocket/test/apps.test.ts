import { basicAppCommand, describeAppsSuite, startWebSocketBridge, type WebSocketBridge } from '@mcpx/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { WebSocketTransport } from '../src/index.js';

let bridge: WebSocketBridge;

beforeAll(async () => {
  bridge = await startWebSocketBridge(basicAppCommand());
});

afterAll(async () => {
  await bridge?.close();
});

describeAppsSuite('websocket', () => new WebSocketTransport(bridge.url));
