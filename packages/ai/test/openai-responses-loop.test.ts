import type { McpClient } from '@mcpx/core';
import { CancelledError } from '@mcpx/core';
import { startOpenAIModelServer, type OpenAIModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openaiTools, runOpenAIResponsesLoop, type OpenAIResponsesLoopEvent, type OpenAIToolSet } from '../src/openai.js';
import { connectEverything } from './helpers.js';
import { functionOutputs, openaiFor, outputText } from './openai-helpers.js';

let client: McpClient;
let tools: OpenAIToolSet;
let model: OpenAIModelServer | undefined;

beforeAll(async () => {
  client = await connectEverything();
  tools = await openaiTools(client, { server: 'everything' });
});
afterAll(() => client.close());
afterEach(async () => {
  await model?.close();
  model = undefined;
});

describe('the Responses API loop over server-everything', () => {
  it('calls the tool the model asks for and returns the final answer, streaming its text', async () => {
    model = await startOpenAIModelServer(
      { text: 'Let me add.', toolCalls: [{ name: 'get-sum', arguments: { a: 19, b: 23 } }] },
      { text: 'The sum is 42.' },
    );
    const events: OpenAIResponsesLoopEvent[] = [];
    const result = await runOpenAIResponsesLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      input: 'What is 19 + 23?',
      tools,
      system: 'Use the tools.',
      onEvent: (event) => events.push(event),
    });

    expect(result).toMatchObject({ text: 'The sum is 42.', stopReason: 'stop', steps: 2 });
    expect(model.requests.map((request) => [request.api, request.params.stream])).toEqual([
      ['responses', true],
      ['responses', true],
    ]);
    expect(model.requests[0]!.params.instructions).toBe('Use the tools.');
    expect(model.requests[0]!.params.tools).toContainEqual(expect.objectContaining({ type: 'function', name: 'get-sum', strict: false }));
    const [output] = functionOutputs(model.requests[1]!);
    expect(output).toMatchObject({ call_id: 'call_1_0' });
    expect(outputText(output!)).toContain('The sum of 19 and 23 is 42');
    expect(events.flatMap((event) => (event.type === 'text' ? [event.text] : [])).join('')).toBe('Let me add.The sum is 42.');
    expect(events.find((event) => event.type === 'tool-end')).toMatchObject({ step: 1, call: { tool: { originalName: 'get-sum' } } });
    expect(result.input.map((item) => ('type' in item ? item.type : 'message'))).toEqual([
      'message',
      'message',
      'function_call',
      'function_call_output',
      'message',
    ]);
  });

  it('asks with responses.create when streaming is off', async () => {
    model = await startOpenAIModelServer({ toolCalls: [{ name: 'echo', arguments: { message: 'plain' } }] }, { text: 'Echoed.' });
    const result = await runOpenAIResponsesLoop({ client: openaiFor(model), model: 'gpt-test', input: 'Echo', tools, stream: false });
    expect(result.text).toBe('Echoed.');
    expect(model.requests[0]!.params.stream).not.toBe(true);
    expect(outputText(functionOutputs(model.requests[1]!)[0]!)).toContain('plain');
  });

  it('asks for encrypted reasoning with store false and a reasoning model, whose reasoning items the API does not keep', async () => {
    model = await startOpenAIModelServer({ text: 'One.' }, { text: 'Two.' });
    const params = { store: false };
    await runOpenAIResponsesLoop({ client: openaiFor(model), model: 'o4-mini', input: 'Hi', tools, params });
    await runOpenAIResponsesLoop({ client: openaiFor(model), model: 'gpt-4o', input: 'Hi', tools, params });
    expect(model.requests.map((request) => request.params.include)).toEqual([['reasoning.encrypted_content'], undefined]);
  });

  it('answers the parallel function calls of one response, in order', async () => {
    model = await startOpenAIModelServer(
      {
        toolCalls: [
          { name: 'get-sum', arguments: { a: 1, b: 2 } },
          { name: 'echo', arguments: { message: 'both' } },
        ],
      },
      { text: 'Done.' },
    );
    let running = 0;
    let overlapped = false;
    await runOpenAIResponsesLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      input: 'Both',
      tools,
      onEvent: (event) => {
        if (event.type === 'tool-start') overlapped ||= ++running > 1;
        if (event.type === 'tool-end') running--;
      },
    });
    expect(overlapped).toBe(true);
    const outputs = functionOutputs(model.requests[1]!);
    expect(outputs.map((output) => output.call_id)).toEqual(['call_1_0', 'call_1_1']);
    expect(outputText(outputs[1]!)).toContain('both');
  });

  it('keeps an image of a result as an input_image of the function output', async () => {
    model = await startOpenAIModelServer({ toolCalls: [{ name: 'get-tiny-image', arguments: {} }] }, { text: 'A logo.' });
    await runOpenAIResponsesLoop({ client: openaiFor(model), model: 'gpt-test', input: 'Image', tools });
    const [output] = functionOutputs(model.requests[1]!);
    expect(output!.output).toEqual([
      { type: 'input_text', text: "Here's the image you requested:" },
      { type: 'input_image', image_url: expect.stringMatching(/^data:image\/png;base64,iVBOR/) as unknown, detail: 'auto' },
      { type: 'input_text', text: 'The image above is the MCP logo.' },
    ]);
  });

  it('ends on refusal content with stop reason refusal', async () => {
    model = await startOpenAIModelServer({ refusal: 'I cannot help with that.' });
    const result = await runOpenAIResponsesLoop({ client: openaiFor(model), model: 'gpt-test', input: 'Something bad', tools });
    expect(result).toMatchObject({ stopReason: 'refusal', refusal: 'I cannot help with that.', steps: 1, text: '' });
  });

  it('reports an incomplete response as length, leaving out its function calls so the input can be sent again', async () => {
    model = await startOpenAIModelServer(
      { text: 'Let me', toolCalls: [{ name: 'echo', arguments: '{"me' }], finish: 'length' },
      { text: 'Going on.' },
    );
    const first = await runOpenAIResponsesLoop({ client: openaiFor(model), model: 'gpt-test', input: 'Echo', tools, maxTokens: 5 });
    expect(first.stopReason).toBe('length');
    expect(model.requests[0]!.params.max_output_tokens).toBe(5);
    expect(first.input.some((item) => 'type' in item && item.type === 'function_call')).toBe(false);
    const second = await runOpenAIResponsesLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      input: [...first.input, { role: 'user', content: 'Go on' }],
      tools,
    });
    expect(second.text).toBe('Going on.');
  });

  it('stops after maxSteps turns with stop reason max_steps', async () => {
    const again = { toolCalls: [{ name: 'echo', arguments: { message: 'again' } }] };
    model = await startOpenAIModelServer(again, again, again);
    const result = await runOpenAIResponsesLoop({ client: openaiFor(model), model: 'gpt-test', input: 'Loop', tools, maxSteps: 2 });
    expect(result).toMatchObject({ stopReason: 'max_steps', steps: 2 });
    expect(model.requests).toHaveLength(2);
    expect(result.input.at(-1)).toMatchObject({ type: 'function_call_output' });
  });

  it('throws CancelledError when aborted while the model is answering', async () => {
    const controller = new AbortController();
    model = await startOpenAIModelServer({ toolCalls: [{ name: 'echo', arguments: { message: 'first' } }] }, () => {
      controller.abort();
      return new Promise(() => {});
    });
    const error: unknown = await runOpenAIResponsesLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      input: 'Go',
      tools,
      signal: controller.signal,
    }).catch((caught: unknown) => caught);
    expect(CancelledError.isInstance(error)).toBe(true);
    expect(model.requests).toHaveLength(2);
  });
});
