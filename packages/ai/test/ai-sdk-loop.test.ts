import type { McpClient } from '@mcpx/core';
import { CancelledError } from '@mcpx/core';
import { startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { generateText, stepCountIs, streamText } from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aiSdkTools, type AiSdkToolSet } from '../src/ai-sdk.js';
import type { ToolCallEvent } from '../src/index.js';
import { aiSdkModel } from './ai-sdk-helpers.js';
import { connectEverything, resultText, toolResults } from './helpers.js';

let client: McpClient;
let toolSet: AiSdkToolSet;
let model: AnthropicModelServer | undefined;
const events: ToolCallEvent[] = [];

beforeAll(async () => {
  client = await connectEverything();
  toolSet = await aiSdkTools(client, { server: 'everything', onEvent: (event) => events.push(event) });
});
afterAll(() => client.close());
afterEach(async () => {
  events.length = 0;
  await model?.close();
  model = undefined;
});

describe('generateText with the tools of server-everything', () => {
  it('runs the tool the model asks for over several steps and returns the final answer', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'get-sum', input: { a: 19, b: 23 } }] },
      { content: [{ type: 'tool_use', name: 'echo', input: { message: 'checked' } }] },
      { content: [{ type: 'text', text: 'The sum is 42.' }] },
    );
    const result = await generateText({ model: aiSdkModel(model), tools: toolSet.tools, stopWhen: stepCountIs(5), prompt: 'Add' });

    expect(result.text).toBe('The sum is 42.');
    expect(result.steps).toHaveLength(3);
    expect(model.requests[0]!.params.tools!.map((tool) => tool.name)).toContain('get-sum');
    expect(resultText(toolResults(model.requests[1]!)[0]!)).toContain('The sum of 19 and 23 is 42');
    expect(resultText(toolResults(model.requests[2]!)[0]!)).toContain('checked');
    const [sum] = result.steps[0]!.toolResults;
    expect(sum).toMatchObject({
      toolName: 'get-sum',
      toolMetadata: { server: 'everything', tool: 'get-sum' },
      output: { outcome: 'result' },
    });
    const ended = events.filter((event) => event.type === 'tool-end');
    expect(ended.map((event) => [event.call.tool.originalName, event.call.id])).toEqual([
      ['get-sum', 'toolu_1_0'],
      ['echo', 'toolu_2_0'],
    ]);
  });

  it('runs two tool calls of one step at the same time and answers both, in order', async () => {
    model = await startAnthropicModelServer(
      {
        content: [
          { type: 'tool_use', name: 'get-sum', input: { a: 1, b: 2 } },
          { type: 'tool_use', name: 'echo', input: { message: 'both' } },
        ],
      },
      { content: [{ type: 'text', text: 'Done.' }] },
    );
    let running = 0;
    let overlapped = false;
    const tools = await aiSdkTools(client, {
      onEvent: (event) => {
        if (event.type === 'tool-start') overlapped ||= ++running > 1;
        if (event.type === 'tool-end') running--;
      },
    });
    await generateText({ model: aiSdkModel(model), tools: tools.tools, stopWhen: stepCountIs(3), prompt: 'Both' });

    expect(overlapped).toBe(true);
    const results = toolResults(model.requests[1]!);
    expect(results.map((result) => result.tool_use_id)).toEqual(['toolu_1_0', 'toolu_1_1']);
    expect(resultText(results[0]!)).toContain('is 3');
    expect(resultText(results[1]!)).toContain('both');
  });

  it('gives the model a result with isError as an error, without throwing', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'get-sum', input: { a: 'one', b: 2 } }] },
      { content: [{ type: 'text', text: 'The tool refused.' }] },
    );
    const result = await generateText({ model: aiSdkModel(model), tools: toolSet.tools, stopWhen: stepCountIs(3), prompt: 'Sum' });

    expect(result.text).toBe('The tool refused.');
    const [answer] = toolResults(model.requests[1]!);
    expect(answer!.is_error).toBe(true);
    expect(JSON.stringify(answer!.content)).toContain('Input validation error');
    expect(result.steps[0]!.toolResults[0]!.output).toMatchObject({ outcome: 'result', result: { isError: true } });
  });
});

describe('streamText with the tools of server-everything', () => {
  it('streams the text of each step and runs the tools between them', async () => {
    model = await startAnthropicModelServer(
      {
        content: [
          { type: 'text', text: 'Let me add.' },
          { type: 'tool_use', name: 'get-sum', input: { a: 2, b: 3 } },
        ],
      },
      { content: [{ type: 'text', text: 'It is 5.' }] },
    );
    const stream = streamText({ model: aiSdkModel(model), tools: toolSet.tools, stopWhen: stepCountIs(3), prompt: 'Add' });
    const deltas: string[] = [];
    for await (const part of stream.fullStream) if (part.type === 'text-delta') deltas.push(part.text);

    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join('')).toBe('Let me add.It is 5.');
    expect(model.requests.every((request) => request.params.stream === true)).toBe(true);
    expect(resultText(toolResults(model.requests[1]!)[0]!)).toContain('The sum of 2 and 3 is 5');
  });
});

describe('cancelling a generation while a tool runs', () => {
  it("cancels the MCP call and rejects with the AI SDK's AbortError, without asking the model again", async () => {
    model = await startAnthropicModelServer({
      content: [{ type: 'tool_use', name: 'trigger-long-running-operation', input: { duration: 60, steps: 6 } }],
    });
    const controller = new AbortController();
    const tools = await aiSdkTools(client, {
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'tool-start') controller.abort();
      },
    });
    const error: unknown = await generateText({
      model: aiSdkModel(model),
      tools: tools.tools,
      stopWhen: stepCountIs(3),
      prompt: 'Run it',
      abortSignal: controller.signal,
    }).catch((caught: unknown) => caught);

    expect((error as Error).name).toBe('AbortError');
    const ended = events.filter((event) => event.type === 'tool-end');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.outcome.kind === 'failed' && CancelledError.isInstance(ended[0]!.outcome.error)).toBe(true);
    expect(model.requests).toHaveLength(1);
  });
});

describe('a tool call cut off by the AI SDK’s per-tool timeout', () => {
  it('tells the model the safe failure text, not the error’s own message, and the generation goes on', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'trigger-long-running-operation', input: { duration: 60, steps: 6 } }] },
      { content: [{ type: 'text', text: 'It timed out.' }] },
    );
    const { text } = await generateText({
      model: aiSdkModel(model),
      tools: toolSet.tools,
      stopWhen: stepCountIs(2),
      prompt: 'Run it',
      timeout: { toolMs: 300 },
    });

    expect(text).toBe('It timed out.');
    const sent = toolResults(model.requests[1]!)[0]!;
    expect(sent.is_error).toBe(true);
    // The AI SDK sends the thrown error as its toString(): `Error: ` and the message.
    expect(sent.content).toBe(
      'Error: Calling trigger-long-running-operation (tool "trigger-long-running-operation" on server "everything") failed: CancelledError (CANCELLED)',
    );
  });
});

describe('an onEvent callback that throws', () => {
  it('does not reach the model: the call goes on and a process warning says what threw', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'get-sum', input: { a: 19, b: 23 } }] },
      { content: [{ type: 'text', text: 'The sum is 42.' }] },
    );
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    const tools = await aiSdkTools(client, {
      server: 'everything',
      onEvent: () => {
        throw new Error('the dashboard is down');
      },
    });
    const { text } = await generateText({ model: aiSdkModel(model), tools: tools.tools, stopWhen: stepCountIs(2), prompt: 'Add' });

    expect(text).toBe('The sum is 42.');
    expect(resultText(toolResults(model.requests[1]!)[0]!)).toContain('The sum of 19 and 23 is 42');
    const warning = await warned;
    expect(warning.name).toBe('McpxWarning');
    expect(warning.message).toBe(
      'aiSdkTools: onEvent threw on the tool-start event of everything/get-sum, and the call went on: the dashboard is down',
    );
  });
});
