import type { McpClient } from '@mcpx/core';
import { startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anthropicTools, runAnthropicLoop, type AnthropicToolSet } from '../src/anthropic.js';
import { anthropicFor, connectEverything } from './helpers.js';

// The loopback server answers 400 to a request the Messages API would refuse, as the API does.
let client: McpClient;
let tools: AnthropicToolSet;
let model: AnthropicModelServer | undefined;

beforeAll(async () => {
  client = await connectEverything();
  tools = await anthropicTools(client, { server: 'everything' });
});
afterAll(() => client.close());
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const ask = (question: string) => [{ role: 'user' as const, content: question }];

describe('the model messages the loop sends back', () => {
  it('leave out an empty text block of the model, which the API refuses', async () => {
    model = await startAnthropicModelServer(
      {
        content: [
          { type: 'text', text: '' },
          { type: 'tool_use', name: 'echo', input: { message: 'hi' } },
        ],
      },
      { content: [{ type: 'text', text: 'Echoed.' }] },
    );
    const result = await runAnthropicLoop({ client: anthropicFor(model), model: 'claude-test', messages: ask('Echo'), tools });
    expect(result.text).toBe('Echoed.');
    expect(model.requests[1]!.params.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'toolu_1_1', name: 'echo', input: { message: 'hi' } }],
    });
  });

  it('leave out a tool use cut off by max_tokens, so that the conversation can go on', async () => {
    model = await startAnthropicModelServer(
      {
        content: [
          { type: 'text', text: 'Let me echo' },
          { type: 'tool_use', name: 'echo', input: {} },
        ],
        stop_reason: 'max_tokens',
      },
      { content: [{ type: 'text', text: 'Going on.' }] },
    );
    const first = await runAnthropicLoop({ client: anthropicFor(model), model: 'claude-test', messages: ask('Echo'), tools });
    expect(first.stopReason).toBe('max_tokens');
    expect(first.messages.at(-1)).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Let me echo', citations: null }] });
    const second = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: [...first.messages, { role: 'user', content: 'Go on' }],
      tools,
    });
    expect(second.text).toBe('Going on.');
  });
});
