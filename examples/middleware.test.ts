import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the middleware example logs each request by size, hides get-env and refuses to call it', async () => {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL('./middleware.mjs', import.meta.url))]);
  expect(stdout).toMatch(/^log: request tools\/list #\d+ \d+$/m);
  expect(stdout).toMatch(/^log: result tools\/call #\d+ \d+$/m);
  expect(stdout).toContain('get-env listed: false');
  expect(stdout).toContain('The sum of 19 and 23 is 42');
  expect(stdout).toContain('refused: get-env is not for this app');
});
