import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { probing, request, speakModern, useFakes } from './helpers.js';

const valid = { name: 'valid_tool', inputSchema: { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } } };
const onNumber = { name: 'scores', inputSchema: { type: 'object', properties: { score: { type: 'number', 'x-mcp-header': 'Score' } } } };
const underItems = {
  name: 'batch',
  inputSchema: { type: 'object', properties: { ids: { type: 'array', items: { type: 'string', 'x-mcp-header': 'Id' } } } },
};

describe('a tool whose x-mcp-header annotations break the rules', () => {
  const fakes = useFakes();

  it('is left out of tools/list, with a diagnostic naming the tool and the rule, and the valid tools stay', async () => {
    const server = await fakes.mcpServer();
    speakModern(server, [valid, onNumber, underItems]);
    const { client, diagnostics } = await fakes.client(server.url(), {}, probing);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['valid_tool']);
    expect(diagnostics.map((event) => ('message' in event ? event.message : ''))).toEqual([
      expect.stringMatching(/"scores" was left out of tools\/list .*"Score" at \/properties\/score .*"number"/),
      expect.stringMatching(/"batch" was left out of tools\/list .*\/properties\/ids\/items .*not on a parameter reachable/),
    ]);
    await client.callTool('valid_tool', { region: 'eu-west1' });
    expect(server.posts('tools/call')[0]?.headers['mcp-param-region']).toBe('eu-west1');
  });

  it('is refused before it is called, without contacting the server', async () => {
    const server = await fakes.mcpServer();
    speakModern(server, [valid, onNumber]);
    const { client } = await fakes.client(server.url(), {}, probing);
    await client.listTools();
    const error = await client.callTool('scores', { score: 0.5 }).catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      method: 'tools/call',
      isRetryable: false,
      message: expect.stringMatching(/the tool "scores" was not called: .*"number"; only integer, string and boolean/),
    });
    expect(server.posts('tools/call')).toEqual([]);
    await client.callTool('valid_tool', { region: 'us' });
    expect(server.posts('tools/call')).toHaveLength(1);
  });

  it('reaches the transport as a plain tools/list answer: the transport reads no result and mirrors only what it is given', async () => {
    const server = await fakes.mcpServer();
    speakModern(server, [onNumber]);
    const { transport, messages } = fakes.transport(server.url());
    await transport.start();
    const meta = { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } };
    await transport.send(request('tools/list', meta));
    expect(messages).toEqual([expect.objectContaining({ result: expect.objectContaining({ tools: [onNumber] }) })]);
    await transport.send(request('tools/call', { ...meta, name: 'scores', arguments: { score: 1 } }), {
      parameterHeaders: { Score: '1', Zone: 'Zoë' },
    });
    expect(server.posts('tools/call')[0]?.headers).toMatchObject({ 'mcp-param-score': '1', 'mcp-param-zone': '=?base64?Wm/Dqw==?=' });
  });

  it('is kept, annotations and all, by a legacy session, which has no such rules', async () => {
    const server = await fakes.mcpServer();
    server.on('tools/list', ({ result }) => result({ tools: [valid, onNumber] }));
    const { client } = await fakes.client(server.url());
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['valid_tool', 'scores']);
    await client.callTool('scores', { score: 1 });
    expect(server.posts('tools/call')[0]?.headers).not.toHaveProperty('mcp-param-score');
  });
});
