import { describeAppsSuite, startBasicAppHttp, type HttpServerProcess } from '@mcpx/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { StreamableHttpTransport } from '../src/index.js';

let server: HttpServerProcess;

beforeAll(async () => {
  server = await startBasicAppHttp();
});

afterAll(async () => {
  await server?.stop();
});

describeAppsSuite('streamable-http', () => new StreamableHttpTransport(server.url));
