import type { McpClient } from '@mcpx/core';
import { CancelledError } from '@mcpx/core';
import { startOpenAIModelServer, type OpenAIModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openaiTools, runOpenAIChatLoop, type OpenAIChatLoopEvent, type OpenAIToolSet } from '../src/openai.js';
import { connectEverything } from './helpers.js';
import { openaiFor, outputText, toolMessages } from './openai-helpers.js';

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

const ask = (question: string) => [{ role: 'user' as const, content: question }];

describe('the Chat Completions loop over server-everything', () => {
  it('calls the tool the model asks for and returns the final answer, streaming its text', async () => {
    model = await startOpenAIModelServer(
      { text: 'Let me add.', toolCalls: [{ name: 'get-sum', arguments: { a: 19, b: 23 } }] },
      { text: 'The sum is 42.' },
    );
    const events: OpenAIChatLoopEvent[] = [];
    const result = await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: ask('What is 19 + 23?'),
      tools,
      onEvent: (event) => events.push(event),
    });

    expect(result).toMatchObject({ text: 'The sum is 42.', stopReason: 'stop', steps: 2, refusal: undefined });
    expect(model.requests.map((request) => [request.api, request.params.stream])).toEqual([
      ['chat', true],
      ['chat', true],
    ]);
    const offered = model.requests[0]!.params.tools!.map((tool) => (tool.function as { name: string }).name);
    expect(offered).toContain('get-sum');
    const [answer] = toolMessages(model.requests[1]!);
    expect(answer).toMatchObject({ tool_call_id: 'call_1_0' });
    expect(outputText(answer!)).toContain('The sum of 19 and 23 is 42');
    const texts = events.flatMap((event) => (event.type === 'text' ? [event.text] : []));
    expect(texts.join('')).toBe('Let me add.The sum is 42.');
    const end = events.find((event) => event.type === 'tool-end');
    expect(end).toMatchObject({ step: 1, call: { modelName: 'get-sum', tool: { server: 'everything', originalName: 'get-sum' } } });
    expect(result.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });

  it('asks with chat.completions.create when streaming is off', async () => {
    model = await startOpenAIModelServer({ toolCalls: [{ name: 'echo', arguments: { message: 'plain' } }] }, { text: 'Echoed.' });
    const result = await runOpenAIChatLoop({ client: openaiFor(model), model: 'gpt-test', messages: ask('Echo'), tools, stream: false });
    expect(result.text).toBe('Echoed.');
    expect(model.requests[0]!.params.stream).not.toBe(true);
    expect(outputText(toolMessages(model.requests[1]!)[0]!)).toContain('plain');
  });

  it("runs the tool calls of a turn that finished with 'stop', as OpenAI answers when tool_choice names a function", async () => {
    model = await startOpenAIModelServer(
      { toolCalls: [{ name: 'echo', arguments: { message: 'forced' } }], finish: 'stop' },
      { text: 'Done.' },
    );
    const result = await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: ask('Echo'),
      tools,
      params: { tool_choice: { type: 'function', function: { name: 'echo' } } },
    });
    expect(result).toMatchObject({ text: 'Done.', stopReason: 'stop', steps: 2 });
    expect(outputText(toolMessages(model.requests[1]!)[0]!)).toContain('forced');
  });

  it('runs the parallel tool calls of one turn at the same time and answers each, in order', async () => {
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
    await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: ask('Both'),
      tools,
      onEvent: (event) => {
        if (event.type === 'tool-start') overlapped ||= ++running > 1;
        if (event.type === 'tool-end') running--;
      },
    });
    expect(overlapped).toBe(true);
    const answers = toolMessages(model.requests[1]!);
    expect(answers.map((answer) => answer.tool_call_id)).toEqual(['call_1_0', 'call_1_1']);
    expect(outputText(answers[0]!)).toContain('is 3');
    expect(outputText(answers[1]!)).toContain('both');
  });

  it('sends an image of a result in a user message after the tool message, which holds text only', async () => {
    model = await startOpenAIModelServer({ toolCalls: [{ name: 'get-tiny-image', arguments: {} }] }, { text: 'A logo.' });
    const result = await runOpenAIChatLoop({ client: openaiFor(model), model: 'gpt-test', messages: ask('Image'), tools });
    expect(result.text).toBe('A logo.');
    const sent = model.requests[1]!.params.messages!;
    expect(sent.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'user']);
    expect(outputText(sent[2]!)).toContain('[an image (image/png): sent in the user message after the tool results]');
    expect(sent[3]!.content).toContainEqual({
      type: 'image_url',
      image_url: { url: expect.stringMatching(/^data:image\/png;base64,iVBOR/) as unknown },
    });
  });

  it('tells the model of a tool result with isError, without throwing', async () => {
    model = await startOpenAIModelServer(
      { toolCalls: [{ name: 'get-sum', arguments: { a: 'one', b: 2 } }] },
      { text: 'The tool refused.' },
    );
    const result = await runOpenAIChatLoop({ client: openaiFor(model), model: 'gpt-test', messages: ask('Sum'), tools });
    expect(result.text).toBe('The tool refused.');
    const text = outputText(toolMessages(model.requests[1]!)[0]!);
    expect(text.startsWith('[the tool reported an error]')).toBe(true);
    expect(text).toContain('Input validation error');
  });

  it('tells the model that arguments which are not JSON were not sent to the tool', async () => {
    model = await startOpenAIModelServer({ toolCalls: [{ name: 'echo', arguments: '{"message": ' }] }, { text: 'Retrying.' });
    const events: OpenAIChatLoopEvent[] = [];
    await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: ask('Echo'),
      tools,
      onEvent: (event) => events.push(event),
    });
    expect(outputText(toolMessages(model.requests[1]!)[0]!)).toContain('Calling echo was not attempted: the arguments are not valid JSON');
    expect(events.filter((event) => event.type.startsWith('tool-')).map((event) => event.type)).toEqual(['tool-failed']);
  });

  it('ends on a refusal with stop reason refusal, the refusal text, and no tool called', async () => {
    model = await startOpenAIModelServer({ refusal: 'I cannot help with that.' });
    const result = await runOpenAIChatLoop({ client: openaiFor(model), model: 'gpt-test', messages: ask('Something bad'), tools });
    expect(result).toMatchObject({ stopReason: 'refusal', refusal: 'I cannot help with that.', steps: 1 });
    expect(model.requests).toHaveLength(1);
  });

  it('reports a turn cut off by the token limit as length, leaving out its unanswered tool call so the conversation can go on', async () => {
    model = await startOpenAIModelServer(
      { text: 'Let me echo', toolCalls: [{ name: 'echo', arguments: '{"mess' }], finish: 'length' },
      { text: 'Going on.' },
    );
    const first = await runOpenAIChatLoop({ client: openaiFor(model), model: 'gpt-test', messages: ask('Echo'), tools, maxTokens: 5 });
    expect(first.stopReason).toBe('length');
    expect(model.requests[0]!.params.max_completion_tokens).toBe(5);
    expect(first.messages.at(-1)).toEqual({ role: 'assistant', content: 'Let me echo' });
    const second = await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: [...first.messages, { role: 'user', content: 'Go on' }],
      tools,
    });
    expect(second.text).toBe('Going on.');
  });

  it('stops after maxSteps turns with stop reason max_steps, the last tool answers in the transcript', async () => {
    const again = { toolCalls: [{ name: 'echo', arguments: { message: 'again' } }] };
    model = await startOpenAIModelServer(again, again, again);
    const result = await runOpenAIChatLoop({ client: openaiFor(model), model: 'gpt-test', messages: ask('Loop'), tools, maxSteps: 2 });
    expect(result).toMatchObject({ stopReason: 'max_steps', steps: 2 });
    expect(model.requests).toHaveLength(2);
    expect(result.messages.at(-1)).toMatchObject({ role: 'tool' });
  });

  it('sends the system prompt first without keeping it in the transcript', async () => {
    model = await startOpenAIModelServer({ text: 'Hi.' });
    const result = await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: ask('Hi'),
      tools,
      system: 'Be brief.',
    });
    expect(model.requests[0]!.params.messages![0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(result.messages[0]).toEqual({ role: 'user', content: 'Hi' });
  });

  it('throws CancelledError when aborted while the model is answering, and sends nothing more', async () => {
    const controller = new AbortController();
    model = await startOpenAIModelServer({ toolCalls: [{ name: 'echo', arguments: { message: 'first' } }] }, () => {
      controller.abort();
      return new Promise(() => {});
    });
    const error: unknown = await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: ask('Go'),
      tools,
      signal: controller.signal,
    }).catch((caught: unknown) => caught);
    expect(CancelledError.isInstance(error)).toBe(true);
    expect(model.requests).toHaveLength(2);
  });

  it('cancels a tool call in flight and throws CancelledError without asking the model again', async () => {
    model = await startOpenAIModelServer({
      toolCalls: [{ name: 'trigger-long-running-operation', arguments: { duration: 60, steps: 6 } }],
    });
    const controller = new AbortController();
    const ended: string[] = [];
    const error: unknown = await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: ask('Run it'),
      tools,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'tool-start') controller.abort();
        if (event.type === 'tool-end') ended.push(event.outcome.kind);
      },
    }).catch((caught: unknown) => caught);
    expect(CancelledError.isInstance(error)).toBe(true);
    expect(ended).toEqual(['failed']);
    expect(model.requests).toHaveLength(1);
  });

  it('refuses an unknown option, naming its likely spelling', async () => {
    model = await startOpenAIModelServer();
    const options = { client: openaiFor(model), model: 'gpt-test', messages: ask('Hi'), tools, maxStep: 3 };
    await expect(runOpenAIChatLoop(options)).rejects.toThrow(/maxStep.*maxSteps/);
    expect(model.requests).toHaveLength(0);
  });
});
