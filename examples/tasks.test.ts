import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the tasks example runs a task tool to its report, answers its elicitation and reattaches to it by identifier', async () => {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL('./tasks.mjs', import.meta.url))]);
  expect(stdout).toMatch(/^asked: The research query "python" could have multiple interpretations/m);
  expect(stdout).toMatch(/^status: working /m);
  expect(stdout).toMatch(/^status: completed/m);
  expect(stdout).toContain('# Research Report: python (programming)');
  expect(stdout).toContain('reattached: true completed');
  expect(stdout).toContain('listed: true');
});
