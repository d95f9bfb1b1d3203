import { describeFeatureSuite, describeTaskReceiverSuite, startEverythingHttp, type HttpServerProcess } from '@mcpx/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { StreamableHttpTransport } from '../src/index.js';

let server: HttpServerProcess;

beforeAll(async () => {
  server = await startEverythingHttp('streamableHttp');
});

afterAll(async () => {
  await server?.stop();
});

describeFeatureSuite('streamable-http', () => new StreamableHttpTransport(server.url));
describeTaskReceiverSuite('streamable-http', () => new StreamableHttpTransport(server.url));
