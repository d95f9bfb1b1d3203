import { describe, expect, it } from 'vitest';
import { ModelRequestError } from '../src/index.js';
import { anthropicSamplingHandler, anthropicTools, runAnthropicLoop } from '../src/anthropic.js';
import { anthropicFor, ask, resultText, toolResults, useEverythingClients, useModelServers } from './helpers.js';

const startModel = useModelServers();
const connectEverything = useEverythingClients();

describe('sampling requests from a server', () => {
  it('are answered by the same model while the loop runs the tool that asked', async () => {
    const model = await startModel(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Name a colour', maxTokens: 50 } }] },
      { content: [{ type: 'text', text: 'Teal' }] },
      { content: [{ type: 'text', text: 'The server got Teal.' }] },
    );
    const anthropic = anthropicFor(model);
    const client = await connectEverything({ sampling: anthropicSamplingHandler({ client: anthropic, model: 'claude-sampler' }) });
    const tools = await anthropicTools(client);
    const result = await runAnthropicLoop({
      client: anthropic,
      model: 'claude-test',
      messages: ask('Go'),
      tools,
    });

    expect(result.text).toBe('The server got Teal.');
    const sampling = model.requests[1]!.params;
    expect(sampling).toMatchObject({
      model: 'claude-sampler',
      max_tokens: 50,
      system: 'You are a helpful test server.',
      temperature: 0.7,
    });
    expect(sampling.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Resource trigger-sampling-request context: Name a colour' }] },
    ]);
    const [answer] = toolResults(model.requests[2]!);
    expect(answer!.is_error).toBeUndefined();
    expect(resultText(answer!)).toContain('Teal');
  });

  it("are streamed and capped at the handler's maxTokens, however many tokens the server asks for", async () => {
    const model = await startModel(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Write a book', maxTokens: 100_000 } }] },
      { content: [{ type: 'text', text: 'Chapter one.' }] },
      { content: [{ type: 'text', text: 'Written.' }] },
    );
    const anthropic = anthropicFor(model);
    const client = await connectEverything({
      sampling: anthropicSamplingHandler({ client: anthropic, model: 'claude-sampler', maxTokens: 3000 }),
    });
    await runAnthropicLoop({
      client: anthropic,
      model: 'claude-test',
      messages: ask('Go'),
      tools: await anthropicTools(client),
    });
    expect(model.requests[1]!.params).toMatchObject({ model: 'claude-sampler', max_tokens: 3000, stream: true });
    expect(resultText(toolResults(model.requests[2]!)[0]!)).toContain('Chapter one.');
  });

  it('are asked of approve first, with the server named, and a refusal never reaches the model', async () => {
    const model = await startModel(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Spend tokens', maxTokens: 50 } }] },
      { content: [{ type: 'text', text: 'The server was refused.' }] },
    );
    const anthropic = anthropicFor(model);
    const asked: Array<string | undefined> = [];
    const sampling = anthropicSamplingHandler({
      client: anthropic,
      model: 'claude-sampler',
      approve: (_params, context) => {
        asked.push(context.server);
        return false;
      },
    });
    const client = await connectEverything({ sampling });
    const result = await runAnthropicLoop({
      client: anthropic,
      model: 'claude-test',
      messages: ask('Go'),
      tools: await anthropicTools(client),
    });
    expect(result.text).toBe('The server was refused.');
    expect(asked).toEqual(['everything']);
    expect(model.requests.map((request) => request.params.model)).toEqual(['claude-test', 'claude-test']);
    expect(resultText(toolResults(model.requests[1]!)[0]!)).toMatch(/declined/);
  });

  it("send the server a bare -32603 when the model request fails, and the provider's words only to onError", async () => {
    const secret = 'invalid x-api-key sk-ant-****wxyz for organization org-secret';
    const model = await startModel(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Name a colour', maxTokens: 50 } }] },
      { status: 401, errorType: 'authentication_error', message: secret },
      { content: [{ type: 'text', text: 'The server got an error.' }] },
    );
    const anthropic = anthropicFor(model);
    const reported: Error[] = [];
    const sampling = anthropicSamplingHandler({ client: anthropic, model: 'claude-sampler', onError: (error) => reported.push(error) });
    const client = await connectEverything({ sampling });
    const tools = await anthropicTools(client);
    await runAnthropicLoop({ client: anthropic, model: 'claude-test', messages: ask('Go'), tools });
    const seen = resultText(toolResults(model.requests[2]!)[0]!);
    expect(seen).toContain('the model request failed');
    expect(seen).not.toContain('org-secret');
    expect(reported.map((error) => ModelRequestError.isInstance(error))).toEqual([true]);
    expect(reported[0]!.message).toContain('org-secret');
  });

  it('get one empty text block back when the model answers nothing', async () => {
    const model = await startModel(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Say nothing', maxTokens: 50 } }] },
      { content: [] },
      { content: [{ type: 'text', text: 'Nothing it was.' }] },
    );
    const anthropic = anthropicFor(model);
    const client = await connectEverything({ sampling: anthropicSamplingHandler({ client: anthropic, model: 'claude-sampler' }) });
    await runAnthropicLoop({
      client: anthropic,
      model: 'claude-test',
      messages: ask('Go'),
      tools: await anthropicTools(client),
    });
    const [answer] = toolResults(model.requests[2]!);
    expect(answer!.is_error).toBeUndefined();
  });
});
