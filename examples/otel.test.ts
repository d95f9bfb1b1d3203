import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the OpenTelemetry example records request spans under the application span, an error span and durations', async () => {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL('./otel.mjs', import.meta.url))]);
  expect(stdout).toContain('span: tools/list (parent: answer question) mcp.method.name=tools/list');
  expect(stdout).toContain('span: tools/call get-sum (parent: answer question) mcp.method.name=tools/call');
  expect(stdout).toMatch(
    /^span: prompts\/get no-such-prompt \(parent: answer question\) mcp\.method\.name=prompts\/get error\.type=-\d+$/m,
  );
  expect(stdout).toContain('span: answer question (parent: -)');
  expect(stdout).toContain('metric: mcp.client.operation.duration tools/call count=1');
});
