import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startDualEraGrpcServer } from '@mcpx/test-utils';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the gRPC example lists and calls tools and answers an elicitation over the binding', async () => {
  const server = await startDualEraGrpcServer();
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL('./grpc.mjs', import.meta.url)), server.target]).finally(() =>
    server.close(),
  );
  expect(stdout).toMatch(/^connected to mcpx-dual-era-test-server over grpc:\/\/127\.0\.0\.1:\d+, protocol 2026-07-28$/m);
  expect(stdout).toMatch(/^tools: .*\becho\b/m);
  expect(stdout).toContain('add: {"sum":42}');
  expect(stdout).toContain('asked: What is your name?');
  expect(stdout).toContain('ask-name: Hello, Ada!');
});
