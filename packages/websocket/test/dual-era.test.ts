import { dualEraServerCommand, describeDualEraSuite, startWebSocketBridge, type WebSocketBridge } from '@mcpx/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { WebSocketTransport } from '../src/index.js';

let bridge: WebSocketBridge;
beforeAll(async () => {
  bridge = await startWebSocketBridge(dualEraServerCommand());
});
afterAll(async () => {
  await bridge?.close();
});

// The era is detected with the same server/discover probe as on stdio.
describeDualEraSuite('websocket', () => new WebSocketTransport(bridge.url));
