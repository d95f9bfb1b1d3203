import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startAnthropicModelServer } from '@mcpx/test-utils';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the AI SDK example answers with a tool of the config file, called through the registry', async () => {
  const model = await startAnthropicModelServer(
    { content: [{ type: 'tool_use', name: 'everything__get-sum', input: { a: 19, b: 23 } }] },
    { content: [{ type: 'text', text: '19 + 23 = 42' }] },
  );
  const root = mkdtempSync(join(tmpdir(), 'mcpx-example-ai-sdk-'));
  try {
    const { stdout } = await run(process.execPath, [fileURLToPath(new URL('./ai-sdk.mjs', import.meta.url))], {
      env: { ...process.env, ANTHROPIC_BASE_URL: `${model.baseURL}/v1`, ANTHROPIC_API_KEY: 'test-key', MCPX_EXAMPLE_ROOT: root },
    });
    expect(stdout).toMatch(/^\[everything\] get-sum \d+ ms$/m);
    expect(stdout).toMatch(/^19 \+ 23 = 42$/m);
    const offered = model.requests[0]!.params.tools!.map((tool) => tool.name);
    expect(offered).toContain('everything__get-sum');
    expect(offered).toContain('memory__read_graph');
    expect(offered).not.toContain('memory__create_entities');
    expect(JSON.stringify(model.requests[1]!.params.messages.at(-1))).toContain('The sum of 19 and 23 is 42');
  } finally {
    await model.close();
    rmSync(root, { recursive: true, force: true });
  }
});

it('the AI SDK example is shown whole, as it is, in the @mcpx/ai README', () => {
  const readme = readFileSync(new URL('../packages/ai/README.md', import.meta.url), 'utf8');
  expect(readme).toContain(`\`\`\`js\n${readFileSync(new URL('./ai-sdk.mjs', import.meta.url), 'utf8')}\`\`\``);
});
