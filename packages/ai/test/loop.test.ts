import { CancelledError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { runAnthropicLoop, type AnthropicLoopEvent } from '../src/anthropic.js';
import { anthropicFor, ask, resultText, toolResults, useEverythingTools, useModelServers } from './helpers.js';

const everything = useEverythingTools();
const startModel = useModelServers();

describe('the Anthropic tool-use loop over server-everything', () => {
  it('calls the tool the model asks for and returns the final answer, streaming its text', async () => {
    const model = await startModel(
      {
        content: [
          { type: 'text', text: 'Let me add.' },
          { type: 'tool_use', name: 'get-sum', input: { a: 19, b: 23 } },
        ],
      },
      { content: [{ type: 'text', text: 'The sum is 42.' }] },
    );
    const events: AnthropicLoopEvent[] = [];
    const result = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('What is 19 + 23?'),
      tools: everything.tools,
      onEvent: (event) => events.push(event),
    });

    expect(result).toMatchObject({ text: 'The sum is 42.', stopReason: 'end_turn', steps: 2 });
    expect(model.requests[0]!.params.stream).toBe(true);
    expect(model.requests[0]!.params.tools!.map((tool) => tool.name)).toContain('get-sum');
    const [answer] = toolResults(model.requests[1]!);
    expect(answer).toMatchObject({ tool_use_id: 'toolu_1_1' });
    expect(answer!.is_error).toBeUndefined();
    expect(resultText(answer!)).toContain('The sum of 19 and 23 is 42');
    expect(
      events
        .filter((event) => event.type === 'text')
        .map((event) => event.text)
        .join(''),
    ).toBe('Let me add.The sum is 42.');
    const end = events.find((event) => event.type === 'tool-end');
    expect(end).toMatchObject({ step: 1, call: { modelName: 'get-sum', tool: { server: 'everything', originalName: 'get-sum' } } });
    expect(end!.type === 'tool-end' && end!.durationMs).toBeGreaterThan(0);
    expect(result.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('asks with messages.create when streaming is off', async () => {
    const model = await startModel(
      { content: [{ type: 'tool_use', name: 'echo', input: { message: 'plain' } }] },
      { content: [{ type: 'text', text: 'Echoed.' }] },
    );
    const result = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Echo'),
      tools: everything.tools,
      stream: false,
    });
    expect(result.text).toBe('Echoed.');
    expect(model.requests[0]!.params.stream).not.toBe(true);
    expect(resultText(toolResults(model.requests[1]!)[0]!)).toContain('plain');
  });

  it('runs two tool uses of one turn and answers both in one message, in order', async () => {
    const model = await startModel(
      {
        content: [
          { type: 'tool_use', name: 'get-sum', input: { a: 1, b: 2 } },
          { type: 'tool_use', name: 'echo', input: { message: 'both' } },
        ],
      },
      { content: [{ type: 'text', text: 'Done.' }] },
    );
    const started: string[] = [];
    let running = 0;
    let overlapped = false;
    await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Both'),
      tools: everything.tools,
      onEvent: (event) => {
        if (event.type === 'tool-start') {
          started.push(event.call.modelName);
          running++;
          overlapped ||= running > 1;
        }
        if (event.type === 'tool-end') running--;
      },
    });
    expect(started).toEqual(['get-sum', 'echo']);
    expect(overlapped).toBe(true);
    const results = toolResults(model.requests[1]!);
    expect(results.map((result) => result.tool_use_id)).toEqual(['toolu_1_0', 'toolu_1_1']);
    expect(resultText(results[0]!)).toContain('is 3');
    expect(resultText(results[1]!)).toContain('both');
  });

  it('passes a tool result with isError to the model as is_error, without throwing', async () => {
    const model = await startModel(
      { content: [{ type: 'tool_use', name: 'get-sum', input: { a: 'one', b: 2 } }] },
      { content: [{ type: 'text', text: 'The tool refused.' }] },
    );
    const result = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Sum'),
      tools: everything.tools,
    });
    expect(result.text).toBe('The tool refused.');
    const [answer] = toolResults(model.requests[1]!);
    expect(answer!.is_error).toBe(true);
    expect(resultText(answer!)).toContain('Input validation error');
  });

  it('tells the model a tool name it made up does not exist', async () => {
    const model = await startModel(
      { content: [{ type: 'tool_use', name: 'no-such-tool', input: {} }] },
      { content: [{ type: 'text', text: 'Sorry.' }] },
    );
    await runAnthropicLoop({ client: anthropicFor(model), model: 'claude-test', messages: ask('Go'), tools: everything.tools });
    const [answer] = toolResults(model.requests[1]!);
    expect(answer).toMatchObject({ is_error: true });
    expect(resultText(answer!)).toContain('There is no tool named "no-such-tool"');
  });

  it('ends cleanly on a refusal, with stop reason refusal and no tool called', async () => {
    const model = await startModel({ content: [{ type: 'text', text: 'I cannot help with that.' }], stop_reason: 'refusal' });
    const events: AnthropicLoopEvent[] = [];
    const result = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Something bad'),
      tools: everything.tools,
      onEvent: (event) => events.push(event),
    });
    expect(result).toMatchObject({ stopReason: 'refusal', steps: 1, text: 'I cannot help with that.' });
    expect(events.some((event) => event.type === 'tool-start')).toBe(false);
    expect(model.requests).toHaveLength(1);
  });

  it('stops after maxSteps turns with stop reason max_steps, the last tool results in the transcript', async () => {
    const again = { content: [{ type: 'tool_use' as const, name: 'echo', input: { message: 'again' } }] };
    const model = await startModel(again, again, again);
    const result = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Loop'),
      tools: everything.tools,
      maxSteps: 2,
    });
    expect(result).toMatchObject({ stopReason: 'max_steps', steps: 2 });
    expect(model.requests).toHaveLength(2);
    expect(result.messages.at(-1)).toMatchObject({ role: 'user', content: [{ type: 'tool_result' }] });
  });

  it('throws CancelledError when aborted while the model is answering, and sends nothing more', async () => {
    const controller = new AbortController();
    const model = await startModel({ content: [{ type: 'tool_use', name: 'echo', input: { message: 'first' } }] }, () => {
      controller.abort();
      return new Promise(() => {});
    });
    const loop = runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Go'),
      tools: everything.tools,
      signal: controller.signal,
    });
    const error: unknown = await loop.catch((caught: unknown) => caught);
    expect(CancelledError.isInstance(error)).toBe(true);
    expect(model.requests).toHaveLength(2);
  });
});

describe('cancelling the loop while a tool runs', () => {
  it('cancels the tool call and throws CancelledError without asking the model again', async () => {
    const model = await startModel({
      content: [{ type: 'tool_use', name: 'trigger-long-running-operation', input: { duration: 60, steps: 6 } }],
    });
    const controller = new AbortController();
    const ended: string[] = [];
    const error: unknown = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Run it'),
      tools: everything.tools,
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
});

describe('the options of the loop', () => {
  it('refuses an unknown option, naming its likely spelling', async () => {
    const model = await startModel();
    const options = { client: anthropicFor(model), model: 'claude-test', messages: ask('Hi'), tools: everything.tools, maxStep: 3 };
    await expect(runAnthropicLoop(options)).rejects.toThrow(/maxStep.*maxSteps/);
    expect(model.requests).toHaveLength(0);
  });

  it('refuses a maxSteps below one', async () => {
    const model = await startModel();
    await expect(
      runAnthropicLoop({ client: anthropicFor(model), model: 'claude-test', messages: ask('Hi'), tools: everything.tools, maxSteps: 0 }),
    ).rejects.toThrow('maxSteps must be a whole number of model turns, 1 or more (got 0)');
  });
});
