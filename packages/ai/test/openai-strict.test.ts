import type { McpClient } from '@mcpx/core';
import { startOpenAIModelServer, type OpenAIModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openaiTools, runOpenAIResponsesLoop } from '../src/openai.js';
import { connectEverything } from './helpers.js';
import { functionOutputs, openaiFor, outputText } from './openai-helpers.js';

let client: McpClient;
let model: OpenAIModelServer | undefined;

beforeAll(async () => {
  client = await connectEverything();
});
afterAll(() => client.close());
afterEach(async () => {
  await model?.close();
  model = undefined;
});

describe('strict function tools over server-everything', () => {
  it('are sent with strict: true, and a null the model gives for an optional property does not reach the tool', async () => {
    const tools = await openaiTools(client, { strict: true, select: { include: 'get-resource-links' } });
    expect(tools.responses).toMatchObject([
      { name: 'get-resource-links', strict: true, parameters: { required: ['count'], additionalProperties: false } },
    ]);
    model = await startOpenAIModelServer({ toolCalls: [{ name: 'get-resource-links', arguments: { count: null } }] }, { text: 'Links.' });
    const calls: Array<Record<string, unknown>> = [];
    await runOpenAIResponsesLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      input: 'Links',
      tools,
      onEvent: (event) => {
        if (event.type === 'tool-start') calls.push(event.call.input);
      },
    });
    expect(calls).toEqual([{}]);
    const text = outputText(functionOutputs(model.requests[1]!)[0]!);
    expect(text).not.toContain('[the tool reported an error]');
    expect(text).toMatch(/\[a link to the resource ".+" at demo:\/\/resource\//);
  });

  it('are refused by the API when a schema is not strict: the loopback server checks what strict mode requires', async () => {
    const loose = await openaiTools(client, { select: { include: 'get-sum' } });
    model = await startOpenAIModelServer({ text: 'never' });
    const error: unknown = await runOpenAIResponsesLoop({
      client: openaiFor(model, { maxRetries: 0 }),
      model: 'gpt-test',
      input: 'Sum',
      tools: { ...loose, responses: loose.responses.map((tool) => ({ ...tool, strict: true })) },
    }).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("'additionalProperties' is required to be supplied and to be false");
  });
});
