import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the main-job example lists the server and calls get-sum', async () => {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL('./main-job.mjs', import.meta.url))]);
  expect(stdout).toMatch(/Connected to \S+ .*\(protocol 20\d\d-\d\d-\d\d\)/);
  expect(stdout).toMatch(/Tools \(\d+\):\n {2}echo/);
  expect(stdout).toContain('Resources (');
  expect(stdout).toContain('simple-prompt');
  expect(stdout).toContain('The sum of 19 and 23 is 42');
});
