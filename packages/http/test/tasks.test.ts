import { describeTaskSuite, startEverythingHttp, type HttpServerProcess } from '@mcpx/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { StreamableHttpTransport } from '../src/index.js';

let server: HttpServerProcess;

beforeAll(async () => {
  server = await startEverythingHttp('streamableHttp');
});

afterAll(async () => {
  await server?.stop();
});

describeTaskSuite('streamable-http', () => new StreamableHttpTransport(server.url));
