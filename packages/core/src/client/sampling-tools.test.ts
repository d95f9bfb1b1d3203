import { describe, expect, it } from 'vitest';
import { ErrorCode, ProtocolError } from '../errors/protocol-error.js';
import { FakeServer } from '../testing/fake-server.js';
import { McpClient } from './mcp-client.js';
import type { McpClientOptions, SamplingHandler } from './options.js';

const WEATHER = {
  name: 'get_weather',
  description: 'Weather of a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const ASK = { role: 'user', content: { type: 'text', text: 'Weather in Paris?' } };
const TOOL_USE = { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } };
const TOOL_RESULT = { type: 'tool_result', toolUseId: 'call_1', content: [{ type: 'text', text: '18°C' }] };

/** A model that calls the weather tool when offered it and there is no result yet, else answers in text. */
const model: SamplingHandler = (params) => {
  const last = params.messages.at(-1);
  const answered = Array.isArray(last?.content) && last.content.some((block) => block.type === 'tool_result');
  if (params.tools !== undefined && !answered)
    return { role: 'assistant', model: 'm', stopReason: 'toolUse', content: [TOOL_USE] } as never;
  return { role: 'assistant', model: 'm', stopReason: 'endTurn', content: { type: 'text', text: 'It is 18°C in Paris.' } };
};

async function connected(options: McpClientOptions) {
  const server = new FakeServer();
  const client = new McpClient({ eraCache: false, ...options });
  await client.connect(server.clientTransport);
  return { server, client };
}

async function refusal(server: FakeServer, params: Record<string, unknown>): Promise<ProtocolError> {
  const error = await server.request('sampling/createMessage', params).catch((caught: unknown) => caught);
  if (!ProtocolError.isInstance(error)) throw new Error(`expected a refusal, got ${JSON.stringify(error)}`);
  return error;
}

describe('sampling with tools', () => {
  it('declares sampling.tools when the handler takes tools', async () => {
    const { server } = await connected({ sampling: model, samplingTools: true });
    expect((server.initializeParams?.capabilities as Record<string, unknown>).sampling).toEqual({ tools: {} });
  });

  it('declares plain sampling when the handler does not take tools', async () => {
    const { server } = await connected({ sampling: model });
    expect((server.initializeParams?.capabilities as Record<string, unknown>).sampling).toEqual({});
  });

  it('passes the tools and toolChoice to the handler and returns its tool_use', async () => {
    const { server } = await connected({ sampling: model, samplingTools: true });
    const result = await server.request('sampling/createMessage', {
      messages: [ASK],
      maxTokens: 100,
      tools: [WEATHER],
      toolChoice: { mode: 'auto' },
    });
    expect(result).toEqual({ role: 'assistant', model: 'm', stopReason: 'toolUse', content: [TOOL_USE] });
  });

  it('takes the tool results of the follow-up request and returns the final answer', async () => {
    const { server } = await connected({ sampling: model, samplingTools: true });
    const messages = [ASK, { role: 'assistant', content: [TOOL_USE] }, { role: 'user', content: [TOOL_RESULT] }];
    const result = await server.request('sampling/createMessage', { messages, maxTokens: 100, tools: [WEATHER] });
    expect(result).toMatchObject({ stopReason: 'endTurn', content: { type: 'text', text: 'It is 18°C in Paris.' } });
  });

  it('refuses a request with tools when sampling.tools was not declared', async () => {
    const { server } = await connected({ sampling: model });
    const error = await refusal(server, { messages: [ASK], maxTokens: 100, tools: [WEATHER] });
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.message).toMatch(/did not declare sampling\.tools/);
  });

  it('refuses a message that mixes tool results with text', async () => {
    const { server } = await connected({ sampling: model, samplingTools: true });
    const messages = [
      ASK,
      { role: 'assistant', content: [TOOL_USE] },
      { role: 'user', content: [TOOL_RESULT, { type: 'text', text: 'and?' }] },
    ];
    const error = await refusal(server, { messages, maxTokens: 100, tools: [WEATHER] });
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.message).toMatch(/mixes tool results with other content/);
  });

  it('refuses a tool use whose result is missing from the next message', async () => {
    const { server } = await connected({ sampling: model, samplingTools: true });
    const messages = [ASK, { role: 'assistant', content: [TOOL_USE] }, { role: 'user', content: { type: 'text', text: 'never mind' } }];
    const error = await refusal(server, { messages, maxTokens: 100, tools: [WEATHER] });
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.message).toMatch(/call_1.*missing from message 2/);
  });

  it('answers with an internal error when the handler returns a tool_use the request did not allow', async () => {
    const { server } = await connected({
      sampling: () => ({ role: 'assistant', model: 'm', content: [TOOL_USE] }) as never,
      samplingTools: true,
    });
    const error = await refusal(server, { messages: [ASK], maxTokens: 100, tools: [WEATHER], toolChoice: { mode: 'none' } });
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.message).toMatch(/toolChoice "none"/);
  });

  it('answers with an internal error naming the tool when the handler uses a tool the request did not offer', async () => {
    const { server } = await connected({
      sampling: () => ({ role: 'assistant', model: 'm', content: [{ ...TOOL_USE, name: 'delete_files' }] }) as never,
      samplingTools: true,
    });
    const error = await refusal(server, { messages: [ASK], maxTokens: 100, tools: [WEATHER] });
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.message).toMatch(/uses tool "delete_files", which the request did not offer \(it offered "get_weather"\)/);
  });

  it('answers with an internal error when two tool uses of the handler share an id', async () => {
    const { server } = await connected({
      sampling: () => ({ role: 'assistant', model: 'm', content: [TOOL_USE, { ...TOOL_USE, input: { city: 'Rome' } }] }) as never,
      samplingTools: true,
    });
    const error = await refusal(server, { messages: [ASK], maxTokens: 100, tools: [WEATHER] });
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.message).toMatch(/uses tool "get_weather" with id "call_1", which an earlier tool use has/);
  });

  it('answers with an internal error when the handler returns something that is not a CreateMessageResult', async () => {
    const { server } = await connected({
      sampling: () => ({ role: 'assistant', content: { type: 'text', text: 'no model named' } }) as never,
    });
    const error = await refusal(server, { messages: [ASK], maxTokens: 100 });
    expect(error.code).toBe(ErrorCode.InternalError);
    expect(error.message).toMatch(/not a valid CreateMessageResult/);
  });
});
