import { describeDualEraSuite, startDualEraGrpcServer, type DualEraGrpcServer } from '@mcpx/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { GrpcTransport } from '../src/index.js';

let server: DualEraGrpcServer;
beforeAll(async () => {
  server = await startDualEraGrpcServer();
});
afterAll(async () => {
  await server?.close();
});

// The binding is of the 2026-07-28 era and has unary calls only: nothing streams back to the
// client, so progress, subscriptions and log messages have no way to arrive (refusals.test.ts).
describeDualEraSuite('gRPC', () => new GrpcTransport(server.target, { name: 'dual-era' }), {
  eras: ['modern'],
  without: ['progress', 'subscriptions', 'logging'],
});
