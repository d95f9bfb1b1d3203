import { describe, expect, it } from 'vitest';
import { anthropicRequestProblem } from './anthropic-request-rules.js';

const toolUse = { type: 'tool_use', id: 'toolu_1', name: 'echo', input: {} };

describe('the rules of the Messages API the loopback server checks', () => {
  it('accept a tool use answered by its result in the next message', () => {
    const messages = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: [toolUse] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'ok' }] }] },
    ];
    expect(anthropicRequestProblem({ messages, tools: [{ name: 'echo' }] })).toBeUndefined();
  });

  it('refuse an empty text block, also inside a tool result', () => {
    expect(anthropicRequestProblem({ messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] })).toMatch(/non-empty/);
    const messages = [
      { role: 'assistant', content: [toolUse] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '' }] }] },
    ];
    expect(anthropicRequestProblem({ messages })).toMatch(/messages\.1\.content\.0\.content\.0: text content blocks must be non-empty/);
  });

  it('refuse a tool use without its result, and a result without its tool use', () => {
    expect(
      anthropicRequestProblem({
        messages: [
          { role: 'assistant', content: [toolUse] },
          { role: 'user', content: 'Go on' },
        ],
      }),
    ).toMatch(/without `tool_result` blocks immediately after: toolu_1/);
    const orphan = [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_9' }] }];
    expect(anthropicRequestProblem({ messages: orphan })).toMatch(/unexpected `tool_use_id` found in `tool_result` blocks: toolu_9/);
  });

  it('refuse a tool name outside the pattern and an image type the API does not take', () => {
    expect(anthropicRequestProblem({ messages: [], tools: [{ name: 'a.b' }] })).toMatch(/tools\.0\.name/);
    const svg = { type: 'image', source: { type: 'base64', media_type: 'image/svg+xml', data: 'AA==' } };
    expect(anthropicRequestProblem({ messages: [{ role: 'user', content: [svg] }] })).toMatch(/media_type/);
  });
});
