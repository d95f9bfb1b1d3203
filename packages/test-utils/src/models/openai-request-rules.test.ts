import { describe, expect, it } from 'vitest';
import { openaiChatRequestProblem, openaiResponsesRequestProblem } from './openai-request-rules.js';

const call = { id: 'call_1', type: 'function', function: { name: 'echo', arguments: '{}' } };

describe('the rules of Chat Completions the loopback server checks', () => {
  it('accept tool calls answered by tool messages, then a user message', () => {
    const messages = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: null, tool_calls: [call] },
      { role: 'tool', tool_call_id: 'call_1', content: 'ok' },
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } }] },
    ];
    expect(openaiChatRequestProblem({ messages })).toBeUndefined();
  });

  it('refuse a tool message answering no call, and a call left unanswered', () => {
    expect(openaiChatRequestProblem({ messages: [{ role: 'tool', tool_call_id: 'call_9', content: 'x' }] })).toMatch(
      /must be a response to a preceeding message with 'tool_calls'/,
    );
    const unanswered = [
      { role: 'assistant', content: null, tool_calls: [call] },
      { role: 'user', content: 'Go on' },
    ];
    expect(openaiChatRequestProblem({ messages: unanswered })).toMatch(/did not have response messages: call_1/);
  });

  it('refuse names breaking the pattern, non-object parameters, and a strict schema that is not closed', () => {
    const tool = (fn: Record<string, unknown>) => ({ messages: [], tools: [{ type: 'function', function: { name: 'ok', ...fn } }] });
    expect(openaiChatRequestProblem(tool({ name: 'a.b' }))).toMatch(/tools\[0\]\.function\.name/);
    expect(openaiChatRequestProblem(tool({ parameters: { type: 'array' } }))).toMatch(/schema must be a JSON Schema of 'type: "object"'/);
    expect(openaiChatRequestProblem(tool({ parameters: { type: 'object' } }))).toMatch(/object schema missing properties/);
    expect(openaiChatRequestProblem(tool({ strict: true, parameters: { type: 'object', properties: {} } }))).toMatch(
      /'additionalProperties' is required/,
    );
  });

  it('refuse an image in a tool message', () => {
    const messages = [
      { role: 'assistant', content: null, tool_calls: [call] },
      { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } }] },
    ];
    expect(openaiChatRequestProblem({ messages })).toMatch(/content parts must be of type 'text'/);
  });
});

describe('the rules of the Responses API the loopback server checks', () => {
  it('refuse an output answering no call and a call without output', () => {
    expect(openaiResponsesRequestProblem({ input: [{ type: 'function_call_output', call_id: 'call_9', output: 'x' }] })).toMatch(
      /No tool call found for function call output with call_id call_9/,
    );
    expect(openaiResponsesRequestProblem({ input: [{ type: 'function_call', call_id: 'call_1', name: 'echo', arguments: '{}' }] })).toMatch(
      /No tool output found for function call call_1/,
    );
  });

  it('take function schemas as strict unless strict is false', () => {
    const tools = (strict?: boolean) => ({
      input: 'x',
      tools: [
        { type: 'function', name: 'ok', parameters: { type: 'object', properties: {} }, ...(strict === undefined ? {} : { strict }) },
      ],
    });
    expect(openaiResponsesRequestProblem(tools())).toMatch(/'additionalProperties' is required/);
    expect(openaiResponsesRequestProblem(tools(false))).toBeUndefined();
  });

  it('refuse fields the API does not know on input items and their content parts', () => {
    const call = { type: 'function_call', call_id: 'call_1', name: 'echo', arguments: '{}', parsed_arguments: null };
    const answer = { type: 'function_call_output', call_id: 'call_1', output: 'x' };
    expect(openaiResponsesRequestProblem({ input: [call, answer] })).toBe("Unknown parameter: 'input[0].parsed_arguments'.");
    const message = { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'hi', annotations: [], parsed: null }] };
    expect(openaiResponsesRequestProblem({ input: [message] })).toBe("Unknown parameter: 'input[0].content[0].parsed'.");
    const { parsed_arguments: _parsed, ...clean } = call;
    expect(openaiResponsesRequestProblem({ input: [clean, answer] })).toBeUndefined();
  });
});
