import { startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { generateText, stepCountIs } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { aiSdkSamplingHandler, aiSdkTools } from '../src/ai-sdk.js';
import { aiSdkModel } from './ai-sdk-helpers.js';
import { connectEverything, resultText, toolResults } from './helpers.js';

let model: AnthropicModelServer | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

describe('sampling requests from a server, answered by an AI SDK model', () => {
  it('are answered by the same model while generateText runs the tool that asked', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Name a colour', maxTokens: 50 } }] },
      { content: [{ type: 'text', text: 'Teal' }] },
      { content: [{ type: 'text', text: 'The server got Teal.' }] },
    );
    const client = await connectEverything({ sampling: aiSdkSamplingHandler({ model: aiSdkModel(model) }) });
    try {
      const { tools } = await aiSdkTools(client);
      const result = await generateText({ model: aiSdkModel(model), tools, stopWhen: stepCountIs(3), prompt: 'Go' });

      expect(result.text).toBe('The server got Teal.');
      expect(model.requests[1]!.params).toMatchObject({
        max_tokens: 50,
        system: [{ type: 'text', text: 'You are a helpful test server.' }],
        temperature: 0.7,
      });
      expect(model.requests[1]!.params.messages).toEqual([
        { role: 'user', content: [{ type: 'text', text: 'Resource trigger-sampling-request context: Name a colour' }] },
      ]);
      expect(resultText(toolResults(model.requests[2]!)[0]!)).toContain('Teal');
    } finally {
      await client.close();
    }
  });

  it("send the server a bare -32603 when the model request fails, and the provider's words only to onError", async () => {
    const secret = 'invalid x-api-key sk-ant-****wxyz for organization org-secret';
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Name a colour', maxTokens: 50 } }] },
      { status: 401, errorType: 'authentication_error', message: secret },
      { content: [{ type: 'text', text: 'The server got an error.' }] },
    );
    const reported: Error[] = [];
    const sampling = aiSdkSamplingHandler({ model: aiSdkModel(model), onError: (error) => reported.push(error) });
    const client = await connectEverything({ sampling });
    try {
      const { tools } = await aiSdkTools(client);
      await generateText({ model: aiSdkModel(model), tools, stopWhen: stepCountIs(3), prompt: 'Go' });
      // The server's tool fails with our -32603, which reaches the model as an error text.
      const sent = toolResults(model.requests[2]!)[0]!;
      const seen = typeof sent.content === 'string' ? sent.content : resultText(sent);
      expect(seen).toContain('could not ask its model');
      expect(seen).not.toContain('org-secret');
      expect(reported).toHaveLength(1);
      expect(reported[0]!.message).toContain('org-secret');
    } finally {
      await client.close();
    }
  });

  it("are capped at the handler's maxTokens, however many tokens the server asks for", async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Write a book', maxTokens: 100_000 } }] },
      { content: [{ type: 'text', text: 'Chapter one.' }] },
      { content: [{ type: 'text', text: 'Written.' }] },
    );
    const client = await connectEverything({ sampling: aiSdkSamplingHandler({ model: aiSdkModel(model), maxTokens: 3000 }) });
    try {
      const { tools } = await aiSdkTools(client);
      await generateText({ model: aiSdkModel(model), tools, stopWhen: stepCountIs(3), prompt: 'Go' });
      expect(model.requests[1]!.params).toMatchObject({ max_tokens: 3000 });
      expect(resultText(toolResults(model.requests[2]!)[0]!)).toContain('Chapter one.');
    } finally {
      await client.close();
    }
  });

  it('are asked of approve first, with the server named, and a refusal never reaches the model', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Spend tokens', maxTokens: 50 } }] },
      { content: [{ type: 'text', text: 'The server was refused.' }] },
    );
    const asked: Array<string | undefined> = [];
    const sampling = aiSdkSamplingHandler({
      model: aiSdkModel(model),
      approve: (_params, context) => {
        asked.push(context.server);
        return false;
      },
    });
    const client = await connectEverything({ sampling });
    try {
      const { tools } = await aiSdkTools(client);
      const result = await generateText({ model: aiSdkModel(model), tools, stopWhen: stepCountIs(3), prompt: 'Go' });
      expect(result.text).toBe('The server was refused.');
      expect(asked).toHaveLength(1);
      expect(model.requests).toHaveLength(2);
      expect(JSON.stringify(toolResults(model.requests[1]!))).toContain('declined');
    } finally {
      await client.close();
    }
  });
});

describe('the stop reason of a sampling answer', () => {
  const params = { messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'Count' } }], maxTokens: 50 };
  const context = {
    requestId: 1,
    method: 'sampling/createMessage',
    signal: new AbortController().signal,
    meta: undefined,
    server: 'counter',
  };

  it('is stopSequence when the provider says a stop sequence ended it', async () => {
    model = await startAnthropicModelServer({ content: [{ type: 'text', text: '1, 2' }], stop_reason: 'stop_sequence' });
    const result = await aiSdkSamplingHandler({ model: aiSdkModel(model) })({ ...params, stopSequences: [', 3'] }, context);
    expect(result).toMatchObject({ content: { type: 'text', text: '1, 2' }, stopReason: 'stopSequence' });
  });

  it('is refusal when the model refused (the AI SDK’s content-filter)', async () => {
    model = await startAnthropicModelServer({ content: [{ type: 'text', text: 'No.' }], stop_reason: 'refusal' });
    const result = await aiSdkSamplingHandler({ model: aiSdkModel(model) })(params, context);
    expect(result.stopReason).toBe('refusal');
  });
});
