import type { McpClient } from '@mcpx/core';
import { CancelledError } from '@mcpx/core';
import { startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anthropicTools, runAnthropicLoop, type AnthropicLoopEvent } from '../src/anthropic.js';
import type { ApproveContext } from '../src/index.js';
import { anthropicFor, connectEverything } from './helpers.js';

let client: McpClient;
let model: AnthropicModelServer | undefined;

beforeAll(async () => {
  client = await connectEverything();
});
afterAll(() => client.close());
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const ask = (question: string) => [{ role: 'user' as const, content: question }];

describe('cancelling the loop while approval is asked', () => {
  it('gives approve the signal, throws CancelledError without waiting for an answer, and runs nothing', async () => {
    model = await startAnthropicModelServer({ content: [{ type: 'tool_use', name: 'echo', input: { message: 'x' } }] });
    const controller = new AbortController();
    let context: ApproveContext | undefined;
    const tools = await anthropicTools(client, {
      ask: 'always',
      approve: (_call, given) => {
        context = given;
        controller.abort();
        return new Promise<boolean>(() => {});
      },
    });
    const events: AnthropicLoopEvent[] = [];
    const error: unknown = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Echo'),
      tools,
      signal: controller.signal,
      onEvent: (event) => events.push(event),
    }).catch((caught: unknown) => caught);
    expect(CancelledError.isInstance(error)).toBe(true);
    expect(context?.signal?.aborted).toBe(true);
    expect(events.filter((event) => event.type.startsWith('tool-')).map((event) => event.type)).toEqual(['tool-failed']);
    expect(model.requests).toHaveLength(1);
  });
});

describe('the events of a call that is never sent', () => {
  it('are one tool-failed, without tool-start or tool-end, when approve throws', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'echo', input: { message: 'x' } }] },
      { content: [{ type: 'text', text: 'Could not.' }] },
    );
    const tools = await anthropicTools(client, {
      ask: 'always',
      approve: () => {
        throw new Error('no terminal to ask on');
      },
    });
    const events: AnthropicLoopEvent[] = [];
    await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Echo'),
      tools,
      onEvent: (event) => events.push(event),
    });
    const toolEvents = events.filter((event) => event.type.startsWith('tool-'));
    expect(toolEvents).toMatchObject([{ type: 'tool-failed', step: 1, call: { modelName: 'echo' }, outcome: { kind: 'failed' } }]);
  });

  it('are one tool-failed, without a tool, for a name the model made up', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'no-such-tool', input: {} }] },
      { content: [{ type: 'text', text: 'Sorry.' }] },
    );
    const tools = await anthropicTools(client);
    const events: AnthropicLoopEvent[] = [];
    await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: ask('Go'),
      tools,
      onEvent: (event) => events.push(event),
    });
    const failed = events.filter((event) => event.type === 'tool-failed');
    expect(failed).toMatchObject([{ call: { modelName: 'no-such-tool' }, outcome: { kind: 'unknown-tool' } }]);
    expect(failed[0]!.call.tool).toBeUndefined();
  });
});
