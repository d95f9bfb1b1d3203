import { describeFeatureSuite, describeTaskReceiverSuite, startEverythingHttp, type HttpServerProcess } from '@mcpx/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { SseTransport } from '../src/index.js';

// server-everything in `sse` mode: its event stream at /sse, its POST endpoint at /message.
let server: HttpServerProcess | undefined;
beforeAll(async () => {
  server = await startEverythingHttp('sse');
});
afterAll(async () => {
  await server?.stop();
});

function sse(): SseTransport {
  if (server === undefined) throw new Error('server-everything did not start');
  return new SseTransport(server.url);
}

describeFeatureSuite('sse', sse);
describeTaskReceiverSuite('sse', sse);
