import { describe, expect, it } from 'vitest';
import { toAnthropicSamplingRequest } from './sampling-handler.js';

describe("a server's sampling request as a Messages API request", () => {
  it('carries tool uses, tool results, the offered tools and toolChoice required as any', () => {
    const request = toAnthropicSamplingRequest(
      {
        maxTokens: 200,
        stopSequences: ['END'],
        messages: [
          { role: 'user', content: { type: 'text', text: 'Weather?' } },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Oslo' } }] },
          {
            role: 'user',
            content: [{ type: 'tool_result', toolUseId: 'call_1', content: [{ type: 'text', text: 'Snow' }], isError: true }],
          },
        ],
        tools: [{ name: 'weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }],
        toolChoice: { mode: 'required' },
      },
      'claude-test',
      'weather-server',
    );
    expect(request).toEqual({
      model: 'claude-test',
      max_tokens: 200,
      stop_sequences: ['END'],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Oslo' } }] },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'call_1', content: [{ type: 'text', text: 'Snow' }], is_error: true }],
        },
      ],
      tools: [{ name: 'weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      tool_choice: { type: 'any' },
    });
  });

  it('refuses an offered tool whose schema the API would refuse, naming the server', () => {
    expect(() =>
      toAnthropicSamplingRequest(
        {
          maxTokens: 10,
          messages: [{ role: 'user', content: { type: 'text', text: 'x' } }],
          tools: [{ name: 'pick', inputSchema: { type: 'object', oneOf: [] } }],
        },
        'claude-test',
        'picker',
      ),
    ).toThrow('server "picker": tool "pick": its input schema cannot be sent to Anthropic');
  });
});
