import { startOpenAIModelServer, type OpenAIModelServer } from '@mcpx/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelRequestError } from '../src/index.js';
import { openaiSamplingHandler, openaiTools, runOpenAIChatLoop } from '../src/openai.js';
import { connectEverything } from './helpers.js';
import { openaiFor, outputText, toolMessages } from './openai-helpers.js';

let model: OpenAIModelServer | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

describe('sampling requests from a server, answered by an OpenAI model', () => {
  it('go to Chat Completions, streamed, while the loop runs the tool that asked', async () => {
    model = await startOpenAIModelServer(
      { toolCalls: [{ name: 'trigger-sampling-request', arguments: { prompt: 'Name a colour', maxTokens: 50 } }] },
      { text: 'Teal' },
      { text: 'The server got Teal.' },
    );
    const openai = openaiFor(model);
    const client = await connectEverything({ sampling: openaiSamplingHandler({ client: openai, model: 'gpt-sampler', maxTokens: 40 }) });
    try {
      const result = await runOpenAIChatLoop({
        client: openai,
        model: 'gpt-test',
        messages: [{ role: 'user', content: 'Go' }],
        tools: await openaiTools(client),
      });
      expect(result.text).toBe('The server got Teal.');
      expect(model.requests[1]!.params).toMatchObject({
        model: 'gpt-sampler',
        stream: true,
        max_completion_tokens: 40,
        temperature: 0.7,
        messages: [
          { role: 'system', content: 'You are a helpful test server.' },
          { role: 'user', content: [{ type: 'text', text: 'Resource trigger-sampling-request context: Name a colour' }] },
        ],
      });
      expect(outputText(toolMessages(model.requests[2]!)[0]!)).toContain('Teal');
    } finally {
      await client.close();
    }
  });

  it('are asked of approve first, and a refusal never reaches the model', async () => {
    model = await startOpenAIModelServer(
      { toolCalls: [{ name: 'trigger-sampling-request', arguments: { prompt: 'Spend tokens', maxTokens: 50 } }] },
      { text: 'The server was refused.' },
    );
    const openai = openaiFor(model);
    const asked: Array<string | undefined> = [];
    const sampling = openaiSamplingHandler({
      client: openai,
      model: 'gpt-sampler',
      approve: (_params, context) => {
        asked.push(context.server);
        return false;
      },
    });
    const client = await connectEverything({ sampling });
    try {
      await runOpenAIChatLoop({
        client: openai,
        model: 'gpt-test',
        messages: [{ role: 'user', content: 'Go' }],
        tools: await openaiTools(client),
      });
      expect(asked).toEqual(['everything']);
      expect(model.requests.map((request) => request.params.model)).toEqual(['gpt-test', 'gpt-test']);
      expect(outputText(toolMessages(model.requests[1]!)[0]!)).toMatch(/declined/);
    } finally {
      await client.close();
    }
  });

  it("send the server a bare -32603 when the model request fails, and the provider's words only to onError", async () => {
    const secret = 'Incorrect API key provided: sk-proj-****wxyz (organization org-secret)';
    model = await startOpenAIModelServer(
      { toolCalls: [{ name: 'trigger-sampling-request', arguments: { prompt: 'Name a colour', maxTokens: 50 } }] },
      { status: 401, errorType: 'invalid_request_error', message: secret },
      { text: 'The server got an error.' },
    );
    const openai = openaiFor(model);
    const reported: Error[] = [];
    const sampling = openaiSamplingHandler({ client: openai, model: 'gpt-sampler', onError: (error) => reported.push(error) });
    const client = await connectEverything({ sampling });
    try {
      await runOpenAIChatLoop({
        client: openai,
        model: 'gpt-test',
        messages: [{ role: 'user', content: 'Go' }],
        tools: await openaiTools(client),
      });
      const seen = outputText(toolMessages(model.requests[2]!)[0]!);
      expect(seen).toContain('the model request failed');
      expect(seen).not.toContain('sk-proj');
      expect(seen).not.toContain('org-secret');
      expect(reported).toHaveLength(1);
      expect(ModelRequestError.isInstance(reported[0])).toBe(true);
      expect(reported[0]!.message).toContain('org-secret');
    } finally {
      await client.close();
    }
  });
});
