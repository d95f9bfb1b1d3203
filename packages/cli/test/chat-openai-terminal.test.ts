import { startOpenAIModelServer, type OpenAIModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatConfig, openaiEnv } from './chat-helpers.js';
import { requireBuild, scratch } from './helpers.js';
import { requireTmux, TerminalSession } from './tmux.js';

// `mcpx chat --provider openai` in a real terminal (tmux), against a loopback server answering
// scripted Responses API turns, and the real server-everything.
const dir = scratch('chat-openai-terminal');
let model: OpenAIModelServer | undefined;
beforeAll(() => {
  requireBuild();
  requireTmux();
});
afterEach(async () => {
  await model?.close();
  model = undefined;
});
afterAll(() => dir[Symbol.dispose]());

describe('mcpx chat with the OpenAI provider in a terminal', () => {
  it('streams the answer and shows the tool call with its server and duration', async () => {
    model = await startOpenAIModelServer(
      { text: 'Let me add.', toolCalls: [{ name: 'everything__get-sum', arguments: { a: 19, b: 23 } }] },
      { text: 'The sum is 42.' },
    );
    using terminal = new TerminalSession(dir, ['chat', '-c', chatConfig(dir), '--provider', 'openai'], openaiEnv(model.baseURL));
    await terminal.waitFor('/help for commands');
    expect(terminal.screen()).toContain('openai gpt-5');
    terminal.type('What is 19 + 23?');
    const screen = await terminal.waitFor('The sum is 42.');
    expect(screen).toContain('Let me add.');
    expect(screen).toContain('→ everything/get-sum {"a":19,"b":23}');
    expect(screen).toMatch(/✓ everything\/get-sum {2}\d+(\.\d)? m?s/);
    expect(model.requests.map((request) => request.params.stream)).toEqual([true, true]);
    terminal.type('/exit');
    expect(await terminal.exitCode()).toBe(0);
  });
});
