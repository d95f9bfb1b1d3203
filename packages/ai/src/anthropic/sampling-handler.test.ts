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

  it("caps max_tokens at the handler's maxTokens", () => {
    const params = { maxTokens: 100_000, messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'x' } }] };
    expect(toAnthropicSamplingRequest(params, 'claude-test', 'big', 2000).max_tokens).toBe(2000);
  });

  it('keeps the structuredContent of a tool result and leaves out empty text', () => {
    const request = toAnthropicSamplingRequest(
      {
        maxTokens: 10,
        messages: [
          { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'count', input: {} }] },
          {
            role: 'user',
            content: [{ type: 'tool_result', toolUseId: 'call_1', content: [{ type: 'text', text: '' }], structuredContent: { n: 2 } }],
          },
        ],
      },
      'claude-test',
    );
    expect(request.messages[1]!.content).toEqual([
      { type: 'tool_result', tool_use_id: 'call_1', content: [{ type: 'text', text: '{"n":2}' }] },
    ]);
  });

  it('refuses an offered tool whose name the API refuses, naming it', () => {
    const params = {
      maxTokens: 10,
      messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'x' } }],
      tools: [{ name: 'get weather', inputSchema: { type: 'object' as const } }],
    };
    expect(() => toAnthropicSamplingRequest(params, 'claude-test', 'weather')).toThrow(
      'sampling tool "get weather" of server "weather" has a name Anthropic refuses',
    );
  });
});
