import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpClient } from '@mcpx/core';
import { McpRegistry } from '@mcpx/registry';
import { StdioTransport } from '@mcpx/stdio';
import { everythingCommand, memoryCommand, type ServerCommand } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicTools, runAnthropicLoop } from '../src/anthropic.js';
import type { ToolCallRequest } from '../src/index.js';
import { anthropicFor, resultText, toolResults, useModelServers } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'mcpx-ai-registry-'));
let registry: McpRegistry;

function stdio(name: string, command: ServerCommand) {
  return async (signal: AbortSignal) => {
    const client = new McpClient({ server: name });
    await client.connect(new StdioTransport({ ...command, name, stderr: 'ignore' }), { signal });
    return client;
  };
}

beforeAll(async () => {
  registry = new McpRegistry();
  // Two names that differ only in a character Anthropic refuses: the same model name once sanitized.
  registry.register({ name: 'tools.a', connect: stdio('tools.a', everythingCommand('stdio')) });
  registry.register({ name: 'tools_a', connect: stdio('tools_a', everythingCommand('stdio')) });
  registry.register({
    name: 'memory',
    autoApprove: ['add_observations'],
    connect: stdio('memory', memoryCommand(join(dir, 'memory.jsonl'))),
  });
  await registry.connectAll();
});
afterAll(async () => {
  await registry.close();
  rmSync(dir, { recursive: true, force: true });
});
const startModel = useModelServers();

describe('a registry as the tool source', () => {
  it('gives tools that clash once sanitized distinct names, the later one hash-suffixed, and routes each to its server', async () => {
    const tools = await anthropicTools(registry, { select: { include: '*echo' } });
    const names = tools.tools.map((tool) => tool.name);
    expect(names[0]).toBe('tools_a__echo');
    expect(names[1]).toMatch(/^tools_a__echo_[0-9a-f]{8}$/);
    expect(tools.byName.get(names[0]!)).toMatchObject({ server: 'tools.a', originalName: 'echo', qualifiedName: 'tools.a__echo' });
    expect(tools.byName.get(names[1]!)).toMatchObject({ server: 'tools_a', originalName: 'echo', qualifiedName: 'tools_a__echo' });
    // The same fleet gets the same names again.
    expect((await anthropicTools(registry, { select: { include: '*echo' } })).tools.map((tool) => tool.name)).toEqual(names);

    const servers: string[] = [];
    const model = await startModel(
      { content: [{ type: 'tool_use', name: names[1]!, input: { message: 'to the second' } }] },
      { content: [{ type: 'text', text: 'ok' }] },
    );
    await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: [{ role: 'user', content: 'echo' }],
      tools,
      onEvent: (event) => {
        if (event.type === 'tool-end') servers.push(event.call.tool.server);
      },
    });
    expect(servers).toEqual(['tools_a']);
    expect(resultText(toolResults(model.requests[1]!)[0]!)).toContain('to the second');
  });

  it("reports the registry's own collisions, where the first server registered keeps the name", async () => {
    const shared = new McpRegistry();
    shared.register({ name: 'first', toolPrefix: 'x', connect: stdio('first', everythingCommand('stdio')) });
    shared.register({ name: 'second', toolPrefix: 'x', connect: stdio('second', everythingCommand('stdio')) });
    try {
      await shared.connectAll();
      const tools = await anthropicTools(shared, { select: { include: 'x__echo' } });
      expect(tools.collisions).toContainEqual({ name: 'x__echo', servers: ['first', 'second'] });
      expect(tools.tools.map((tool) => tool.name)).toEqual(['x__echo']);
      expect(tools.byName.get('x__echo')!.server).toBe('first');
    } finally {
      await shared.close();
    }
  });

  it('does not call a tool whose qualified name now leads to another server than the one listed', async () => {
    const shared = new McpRegistry();
    shared.register({ name: 'first', toolPrefix: 'x', connect: stdio('first', everythingCommand('stdio')) });
    shared.register({ name: 'second', toolPrefix: 'x', connect: stdio('second', everythingCommand('stdio')) });
    try {
      await shared.connectAll();
      const tools = await anthropicTools(shared, { select: { include: 'x__echo' } });
      await shared.unregister('first');
      const [result] = await tools.handle([{ type: 'tool_use', id: 'toolu_1', name: 'x__echo', input: { message: 'x' } }]);
      expect(result).toMatchObject({ is_error: true });
      expect(resultText(result as unknown as Record<string, unknown>)).toContain('ToolMovedError (TOOL_MOVED)');
    } finally {
      await shared.close();
    }
  });

  it('selects by server and by annotation', async () => {
    const readOnly = await anthropicTools(registry, { select: { servers: ['memory'], readOnly: true } });
    expect(readOnly.tools.map((tool) => tool.name).sort()).toEqual(['memory__open_nodes', 'memory__read_graph', 'memory__search_nodes']);
    const safe = await anthropicTools(registry, { select: { servers: ['memory'], destructive: false } });
    expect(safe.tools.map((tool) => tool.name)).not.toContain('memory__delete_entities');
    expect(safe.tools.map((tool) => tool.name)).toContain('memory__create_entities');
  });

  it('asks approve before a tool that is not read-only, and tells the model when the user declines', async () => {
    const asked: ToolCallRequest[] = [];
    const tools = await anthropicTools(registry, {
      select: { servers: ['memory'] },
      approve: (call) => {
        asked.push(call);
        return false;
      },
    });
    const model = await startModel(
      {
        content: [
          { type: 'tool_use', name: 'memory__read_graph', input: {} },
          { type: 'tool_use', name: 'memory__delete_entities', input: { entityNames: ['x'] } },
        ],
      },
      { content: [{ type: 'text', text: 'Understood.' }] },
    );
    const events: string[] = [];
    await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: [{ role: 'user', content: 'clean up' }],
      tools,
      onEvent: (event) => {
        if (event.type.startsWith('tool-') && 'call' in event) events.push(`${event.type} ${event.call.modelName}`);
      },
    });
    expect(asked.map((call) => call.modelName)).toEqual(['memory__delete_entities']);
    expect(events.sort()).toEqual([
      'tool-declined memory__delete_entities',
      'tool-end memory__read_graph',
      'tool-start memory__read_graph',
    ]);
    expect(asked[0]!.input).toEqual({ entityNames: ['x'] });
    const [read, removed] = toolResults(model.requests[1]!);
    expect(read!.is_error).toBeUndefined();
    expect(removed).toMatchObject({ is_error: true });
    expect(resultText(removed!)).toContain('The user declined to run memory__delete_entities');
  });

  it("does not ask approve before a tool the server's autoApprove list names", async () => {
    const asked: string[] = [];
    const tools = await anthropicTools(registry, {
      select: { include: ['memory__add_observations', 'memory__create_relations'] },
      approve: (call) => {
        asked.push(call.modelName);
        return false;
      },
    });
    const results = await tools.handle([
      { type: 'tool_use', id: 'toolu_1', name: 'memory__add_observations', input: { observations: [] } },
      { type: 'tool_use', id: 'toolu_2', name: 'memory__create_relations', input: { relations: [] } },
    ]);
    expect(asked).toEqual(['memory__create_relations']);
    expect(results.map((result) => result.is_error)).toEqual([undefined, true]);
  });

  it("asks approve before every call with ask: 'always'", async () => {
    const asked: string[] = [];
    const tools = await anthropicTools(registry, {
      select: { servers: ['memory'] },
      ask: 'always',
      approve: (call) => {
        asked.push(call.modelName);
        return true;
      },
    });
    const results = await tools.handle([{ type: 'tool_use', id: 'toolu_1', name: 'memory__read_graph', input: {} }]);
    expect(asked).toEqual(['memory__read_graph']);
    expect(results[0]!.is_error).toBeUndefined();
  });

  it('turns a call to a server that went down into an is_error result naming the server', async () => {
    const tools = await anthropicTools(registry, { select: { include: 'tools.a__echo' } });
    await registry.disable('tools.a');
    try {
      const [result] = await tools.handle([{ type: 'tool_use', id: 'toolu_1', name: 'tools_a__echo', input: { message: 'x' } }]);
      expect(result).toMatchObject({ is_error: true });
      expect(resultText(result as unknown as Record<string, unknown>)).toMatch(
        /^Calling tools_a__echo \(tool "echo" on server "tools\.a"\) failed: ServerUnavailableError \(SERVER_UNAVAILABLE\)/,
      );
    } finally {
      await registry.enable('tools.a');
    }
  });
});
