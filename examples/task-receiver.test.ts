import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the task receiver example answers a task-augmented sampling request the server polls to completion', async () => {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL('./task-receiver.mjs', import.meta.url))]);
  expect(stdout).toContain('[COMPLETED] Async sampling completed!');
  expect(stdout).toMatch(/Task created: [0-9a-f-]{36}/);
  expect(stdout).toContain('Hello! (1 message)');
});
