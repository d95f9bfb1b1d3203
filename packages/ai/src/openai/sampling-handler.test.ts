import { describe, expect, it } from 'vitest';
import { toOpenAISamplingRequest, toSamplingResult } from './sampling-handler.js';

describe("a server's sampling request as a Chat Completions request", () => {
  it('carries tool uses as tool_calls, tool results as tool messages, the offered tools and toolChoice', () => {
    const request = toOpenAISamplingRequest(
      {
        maxTokens: 200,
        stopSequences: ['END'],
        systemPrompt: 'Be brief.',
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
      'gpt-test',
      'weather-server',
    );
    expect(request).toEqual({
      model: 'gpt-test',
      max_completion_tokens: 200,
      stop: ['END'],
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '[the tool reported an error]\n\nSnow' },
      ],
      tools: [
        { type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
      ],
      tool_choice: 'required',
    });
  });

  it("caps max_completion_tokens at the handler's maxTokens", () => {
    const params = { maxTokens: 100_000, messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'x' } }] };
    expect(toOpenAISamplingRequest(params, 'gpt-test', 'big', 2000).max_completion_tokens).toBe(2000);
  });

  it('refuses an offered tool whose name the API refuses, naming it', () => {
    const params = {
      maxTokens: 10,
      messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'x' } }],
      tools: [{ name: 'get weather', inputSchema: { type: 'object' as const } }],
    };
    expect(() => toOpenAISamplingRequest(params, 'gpt-test', 'weather')).toThrow(
      'sampling tool "get weather" of server "weather" has a name OpenAI refuses',
    );
  });
});

describe("the model's answer as a sampling result", () => {
  const completion = (message: Record<string, unknown>, finish: string) =>
    ({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 0,
      model: 'gpt-test',
      choices: [
        { index: 0, logprobs: null, finish_reason: finish, message: { role: 'assistant', content: null, refusal: null, ...message } },
      ],
    }) as unknown as Parameters<typeof toSamplingResult>[0];

  it('gives tool calls as tool_use blocks with their parsed input, and stopReason toolUse', () => {
    const result = toSamplingResult(
      completion(
        {
          content: 'Checking.',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }],
        },
        'tool_calls',
      ),
    );
    expect(result).toEqual({
      role: 'assistant',
      model: 'gpt-test',
      stopReason: 'toolUse',
      content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Oslo' } },
      ],
    });
  });

  it("gives stopReason toolUse for tool calls that finished with 'stop', as when toolChoice names a tool", () => {
    const call = { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{}' } };
    expect(toSamplingResult(completion({ tool_calls: [call] }, 'stop'))).toMatchObject({ stopReason: 'toolUse' });
  });

  it('gives a refusal as its text with stopReason refusal', () => {
    expect(toSamplingResult(completion({ refusal: 'No.' }, 'stop'))).toEqual({
      role: 'assistant',
      model: 'gpt-test',
      stopReason: 'refusal',
      content: { type: 'text', text: 'No.' },
    });
  });
});
