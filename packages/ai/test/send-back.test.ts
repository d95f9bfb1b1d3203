import { describe, expect, it } from 'vitest';
import { runAnthropicLoop } from '../src/anthropic.js';
import { anthropicFor, ask, useEverythingTools, useModelServers } from './helpers.js';

// The loopback server answers 400 to a request the Messages API would refuse, as the API does.
const everything = useEverythingTools();
const startModel = useModelServers();

describe('the model messages the loop sends back', () => {
  it('leave out an empty text block of the model, which the API refuses', async () => {
    const model = await startModel(
      {
        content: [
          { type: 'text', text: '' },
          { type: 'tool_use', name: 'echo', input: { message: 'hi' } },
        ],
      },
      { content: [{ type: 'text', text: 'Echoed.' }] },
    );
    const result = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Echo'),
      tools: everything.tools,
    });
    expect(result.text).toBe('Echoed.');
    expect(model.requests[1]!.params.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'toolu_1_1', name: 'echo', input: { message: 'hi' } }],
    });
  });

  it('leave out a tool use cut off by max_tokens, so that the conversation can go on', async () => {
    const model = await startModel(
      {
        content: [
          { type: 'text', text: 'Let me echo' },
          { type: 'tool_use', name: 'echo', input: {} },
        ],
        stop_reason: 'max_tokens',
      },
      { content: [{ type: 'text', text: 'Going on.' }] },
    );
    const first = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Echo'),
      tools: everything.tools,
    });
    expect(first.stopReason).toBe('max_tokens');
    expect(first.messages.at(-1)).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Let me echo', citations: null }] });
    const second = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: [...first.messages, { role: 'user', content: 'Go on' }],
      tools: everything.tools,
    });
    expect(second.text).toBe('Going on.');
  });
});
