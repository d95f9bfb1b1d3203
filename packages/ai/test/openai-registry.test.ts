import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpClient } from '@mcpx/core';
import { McpRegistry } from '@mcpx/registry';
import { StdioTransport } from '@mcpx/stdio';
import { everythingCommand, memoryCommand, startOpenAIModelServer, type OpenAIModelServer, type ServerCommand } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ToolCallRequest } from '../src/index.js';
import { openaiTools, runOpenAIChatLoop, runOpenAIResponsesLoop } from '../src/openai.js';
import { functionOutputs, openaiFor, outputText, toolMessages } from './openai-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'mcpx-ai-openai-registry-'));
let registry: McpRegistry;
let model: OpenAIModelServer | undefined;

function stdio(name: string, command: ServerCommand) {
  return async (signal: AbortSignal) => {
    const client = new McpClient({ server: name });
    await client.connect(new StdioTransport({ ...command, name, stderr: 'ignore' }), { signal });
    return client;
  };
}

beforeAll(async () => {
  registry = new McpRegistry();
  // Two names that differ only in a character OpenAI refuses: the same model name once sanitized.
  registry.register({ name: 'tools.a', connect: stdio('tools.a', everythingCommand('stdio')) });
  registry.register({ name: 'tools_a', connect: stdio('tools_a', everythingCommand('stdio')) });
  registry.register({ name: 'memory', connect: stdio('memory', memoryCommand(join(dir, 'memory.jsonl'))) });
  await registry.connectAll();
});
afterAll(async () => {
  await registry.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await model?.close();
  model = undefined;
});

describe('a registry as the source of OpenAI tools', () => {
  it('gives tools that clash once sanitized distinct names, the later hash-suffixed, the same for both APIs, and routes each to its server', async () => {
    const tools = await openaiTools(registry, { select: { include: '*echo' } });
    const names = tools.chat.map((tool) => tool.function.name);
    expect(names[0]).toBe('tools_a__echo');
    expect(names[1]).toMatch(/^tools_a__echo_[0-9a-f]{8}$/);
    expect(tools.responses.map((tool) => tool.name)).toEqual(names);
    expect(tools.byName.get(names[1]!)).toMatchObject({ server: 'tools_a', originalName: 'echo' });

    model = await startOpenAIModelServer({ toolCalls: [{ name: names[1]!, arguments: { message: 'to the second' } }] }, { text: 'ok' });
    const servers: string[] = [];
    await runOpenAIResponsesLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      input: 'echo',
      tools,
      onEvent: (event) => {
        if (event.type === 'tool-end') servers.push(event.call.tool.server);
      },
    });
    expect(servers).toEqual(['tools_a']);
    expect(outputText(functionOutputs(model.requests[1]!)[0]!)).toContain('to the second');
  });

  it('remembers through server-memory: an entity created in one turn is read back in the next', async () => {
    const tools = await openaiTools(registry, { select: { servers: ['memory'] } });
    model = await startOpenAIModelServer(
      {
        toolCalls: [
          {
            name: 'memory__create_entities',
            arguments: { entities: [{ name: 'Ada', entityType: 'person', observations: ['wrote the first program'] }] },
          },
        ],
      },
      { toolCalls: [{ name: 'memory__open_nodes', arguments: { names: ['Ada'] } }] },
      { text: 'Ada wrote the first program.' },
    );
    const result = await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'Remember Ada' }],
      tools,
    });
    expect(result.text).toBe('Ada wrote the first program.');
    expect(outputText(toolMessages(model.requests[2]!).at(-1)!)).toContain('wrote the first program');
  });

  it('asks approve before a tool that is not read-only, and tells the model when the user declines', async () => {
    const asked: ToolCallRequest[] = [];
    const tools = await openaiTools(registry, {
      select: { servers: ['memory'] },
      approve: (call) => {
        asked.push(call);
        return false;
      },
    });
    model = await startOpenAIModelServer(
      {
        toolCalls: [
          { name: 'memory__read_graph', arguments: {} },
          { name: 'memory__delete_entities', arguments: { entityNames: ['x'] } },
        ],
      },
      { text: 'Understood.' },
    );
    const events: string[] = [];
    await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'clean up' }],
      tools,
      onEvent: (event) => {
        if (event.type.startsWith('tool-') && 'call' in event) events.push(`${event.type} ${event.call.modelName}`);
      },
    });
    expect(asked.map((call) => [call.modelName, call.input])).toEqual([['memory__delete_entities', { entityNames: ['x'] }]]);
    expect(events.sort()).toEqual([
      'tool-declined memory__delete_entities',
      'tool-end memory__read_graph',
      'tool-start memory__read_graph',
    ]);
    const [, removed] = toolMessages(model.requests[1]!);
    expect(outputText(removed!)).toContain('The user declined to run memory__delete_entities');
  });

  it('turns a call to a server that went down into a tool message naming the server', async () => {
    const tools = await openaiTools(registry, { select: { include: 'tools.a__echo' } });
    await registry.disable('tools.a');
    try {
      const [answer] = await tools.handleChat({
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'tools_a__echo', arguments: '{"message":"x"}' } }],
      });
      expect(outputText(answer as unknown as Record<string, unknown>)).toMatch(
        /^Calling tools_a__echo \(tool "echo" on server "tools\.a"\) failed: ServerUnavailableError \(SERVER_UNAVAILABLE\)/,
      );
    } finally {
      await registry.enable('tools.a');
    }
  });

  it('sends strict schemas of the memory tools, which the API takes', async () => {
    const tools = await openaiTools(registry, { select: { servers: ['memory'] }, strict: true });
    expect(tools.skipped).toEqual([]);
    expect(tools.chat.every((tool) => tool.function.strict === true)).toBe(true);
    model = await startOpenAIModelServer({ toolCalls: [{ name: 'memory__read_graph', arguments: {} }] }, { text: 'Read.' });
    const result = await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'Read' }],
      tools,
    });
    expect(result.text).toBe('Read.');
  });
});
