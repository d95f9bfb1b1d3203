import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpClient } from '@mcpx/core';
import { McpRegistry } from '@mcpx/registry';
import { StdioTransport } from '@mcpx/stdio';
import { memoryCommand, startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { generateText, stepCountIs, type ModelMessage } from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aiSdkTools } from '../src/ai-sdk.js';
import type { ToolCallEvent, ToolCallRequest } from '../src/index.js';
import { aiSdkModel } from './ai-sdk-helpers.js';
import { resultText, toolResults } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'mcpx-ai-sdk-approval-'));
let registry: McpRegistry;
let model: AnthropicModelServer | undefined;

beforeAll(async () => {
  registry = new McpRegistry();
  registry.register({
    name: 'memory',
    autoApprove: ['add_observations'],
    connect: async (signal) => {
      const client = new McpClient({ server: 'memory' });
      await client.connect(new StdioTransport({ ...memoryCommand(join(dir, 'memory.jsonl')), name: 'memory', stderr: 'ignore' }), {
        signal,
      });
      return client;
    },
  });
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

const entity = { entities: [{ name: 'Ada', entityType: 'person', observations: ['wrote the first program'] }] };

describe('the approve callback with server-memory behind a registry', () => {
  it('is asked before a tool that is not read-only; declined, the call is not sent and the model is told so', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'memory__create_entities', input: entity }] },
      { content: [{ type: 'text', text: 'I will not.' }] },
    );
    const asked: ToolCallRequest[] = [];
    const events: ToolCallEvent[] = [];
    const { tools } = await aiSdkTools(registry, {
      approve: (call) => {
        asked.push(call);
        return false;
      },
      onEvent: (event) => events.push(event),
    });
    const result = await generateText({ model: aiSdkModel(model), tools, stopWhen: stepCountIs(3), prompt: 'Remember Ada' });

    expect(asked).toMatchObject([
      { modelName: 'memory__create_entities', tool: { server: 'memory', originalName: 'create_entities' }, input: entity },
    ]);
    expect(events.map((event) => event.type)).toEqual(['tool-declined']);
    expect(JSON.stringify(toolResults(model.requests[1]!)[0])).toContain('The user declined to run memory__create_entities');
    expect(result.steps[0]!.toolResults[0]!.output).toMatchObject({ outcome: 'declined' });
    expect(JSON.stringify(await registry.callTool('memory__read_graph', {}))).not.toContain('Ada');
  });

  it('is not asked before a read-only tool, nor one the config auto-approves', async () => {
    model = await startAnthropicModelServer(
      {
        content: [
          { type: 'tool_use', name: 'memory__read_graph', input: {} },
          { type: 'tool_use', name: 'memory__add_observations', input: { observations: [] } },
        ],
      },
      { content: [{ type: 'text', text: 'Read.' }] },
    );
    const asked: string[] = [];
    const { tools } = await aiSdkTools(registry, { approve: (call) => Boolean(asked.push(call.modelName)) });
    await generateText({ model: aiSdkModel(model), tools, stopWhen: stepCountIs(3), prompt: 'Read' });

    expect(asked).toEqual([]);
    expect(toolResults(model.requests[1]!).map((result) => result.is_error)).toEqual([undefined, undefined]);
  });

  it('that throws gives the model an error, never the thrown message', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'memory__create_entities', input: entity }] },
      { content: [{ type: 'text', text: 'Could not ask.' }] },
    );
    const { tools } = await aiSdkTools(registry, {
      approve: () => {
        throw new Error('no terminal at https://user:secret@example.com/tty');
      },
    });
    await generateText({ model: aiSdkModel(model), tools, stopWhen: stepCountIs(3), prompt: 'Remember Ada' });

    const [answer] = toolResults(model.requests[1]!);
    expect(answer!.is_error).toBe(true);
    expect(JSON.stringify(answer)).toContain('Calling memory__create_entities');
    expect(JSON.stringify(answer)).not.toContain('secret');
  });
});

describe('the AI SDK’s own approval through toolApproval', () => {
  it('asks for user approval of tools neither read-only nor auto-approved only', async () => {
    const { toolApproval } = await aiSdkTools(registry);
    expect(toolApproval).toMatchObject({
      memory__create_entities: 'user-approval',
      memory__read_graph: 'not-applicable',
      memory__add_observations: 'not-applicable',
    });
  });

  it('stops at the call, and runs nothing when the user denies it in the next request', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'memory__create_entities', input: entity }] },
      { content: [{ type: 'text', text: 'Understood, not saved.' }] },
    );
    const events: ToolCallEvent[] = [];
    const { tools, toolApproval } = await aiSdkTools(registry, { onEvent: (event) => events.push(event) });
    const first = await generateText({ model: aiSdkModel(model), tools, toolApproval, stopWhen: stepCountIs(3), prompt: 'Remember Ada' });
    const request = first.content.find((part) => part.type === 'tool-approval-request');
    expect(request).toMatchObject({ toolCall: { toolName: 'memory__create_entities' } });
    expect(model.requests).toHaveLength(1);

    const messages: ModelMessage[] = [
      { role: 'user', content: 'Remember Ada' },
      ...first.response.messages,
      { role: 'tool', content: [{ type: 'tool-approval-response', approvalId: request!.approvalId, approved: false, reason: 'not now' }] },
    ];
    const second = await generateText({ model: aiSdkModel(model), tools, toolApproval, stopWhen: stepCountIs(3), messages });

    expect(second.text).toBe('Understood, not saved.');
    expect(events).toEqual([]);
    expect(JSON.stringify(toolResults(model.requests[1]!))).toContain('not now');
  });

  it('runs the call on the MCP server once the user approves it in the next request', async () => {
    const grace = { entities: [{ name: 'Grace', entityType: 'person', observations: ['found a moth'] }] };
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'memory__create_entities', input: grace }] },
      { content: [{ type: 'text', text: 'Saved.' }] },
    );
    const { tools, toolApproval } = await aiSdkTools(registry);
    const first = await generateText({ model: aiSdkModel(model), tools, toolApproval, stopWhen: stepCountIs(3), prompt: 'Remember Grace' });
    const request = first.content.find((part) => part.type === 'tool-approval-request');
    const messages: ModelMessage[] = [
      { role: 'user', content: 'Remember Grace' },
      ...first.response.messages,
      { role: 'tool', content: [{ type: 'tool-approval-response', approvalId: request!.approvalId, approved: true }] },
    ];
    await generateText({ model: aiSdkModel(model), tools, toolApproval, stopWhen: stepCountIs(3), messages });

    expect(resultText(toolResults(model.requests[1]!)[0]!)).toContain('Grace');
    expect(JSON.stringify(await registry.callTool('memory__read_graph', {}))).toContain('found a moth');
  });
});
