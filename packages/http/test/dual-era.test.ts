import { describeDualEraSuite, startDualEraHttpServer, type DualEraHttpServer } from '@mcpx/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { StreamableHttpTransport } from '../src/index.js';

let server: DualEraHttpServer;
beforeAll(async () => {
  server = await startDualEraHttpServer();
});
afterAll(async () => {
  await server.close();
});

// The modern era is found by the probe on its own (era 'auto'); the legacy leg pins it.
describeDualEraSuite('Streamable HTTP', () => new StreamableHttpTransport(server.url, { name: 'dual-era' }));
