import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import type { Transport, TransportDiagnostic, TransportSendOptions } from '../transport.js';
import { FakeServer } from '../testing/fake-server.js';

const execute = {
  name: 'execute_sql',
  inputSchema: { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' }, query: { type: 'string' } } },
};
const broken = { name: 'scores', inputSchema: { type: 'object', properties: { score: { type: 'number', 'x-mcp-header': 'Score' } } } };

/** A 2026-07-28 fake whose client end may say it mirrors tool arguments, recording what each send was given. */
async function connect(mirrors: boolean) {
  const server = new FakeServer({ modernVersions: ['2026-07-28'] });
  server.handle('tools/list', () => ({ resultType: 'complete', tools: [execute, broken] }));
  server.handle('tools/call', () => ({ resultType: 'complete', content: [] }));
  const transport: Transport = server.clientTransport;
  if (mirrors) Object.defineProperty(transport, 'mirrorsToolArguments', { value: true });
  const sendOptions: Array<TransportSendOptions | undefined> = [];
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    if ('method' in message && message.method === 'tools/call') sendOptions.push(options);
    return send(message);
  };
  const client = new McpClient({ eraCache: false, server: 'fake' });
  const diagnostics: TransportDiagnostic[] = [];
  client.on('diagnostic', (event) => diagnostics.push(event));
  await client.connect(transport);
  return { server, client, sendOptions, diagnostics };
}

describe('a 2026-07-28 session over a transport that mirrors tool arguments', () => {
  it('hands each tools/call the values of its x-mcp-header arguments, learned from tools/list', async () => {
    const { client, sendOptions } = await connect(true);
    await client.listTools();
    await client.callTool('execute_sql', { region: 'eu-west1', query: 'SELECT 1' });
    expect(sendOptions).toEqual([{ parameterHeaders: { Region: 'eu-west1' }, timeoutMs: 60_000 }]);
  });

  it('gives a call that mirrors nothing no parameterHeaders: an unlisted tool, or no annotated argument given', async () => {
    const { client, sendOptions } = await connect(true);
    await client.callTool('unlisted', { region: 'eu-west1' });
    await client.listTools();
    await client.callTool('execute_sql', { query: 'SELECT 1' });
    expect(sendOptions).toEqual([{ timeoutMs: 60_000 }, { timeoutMs: 60_000 }]);
  });

  it('leaves out of tools/list a tool whose annotations break the rules, with a diagnostic, and refuses to call it', async () => {
    const { server, client, diagnostics } = await connect(true);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['execute_sql']);
    expect(diagnostics).toEqual([{ type: 'info', message: expect.stringMatching(/"scores" was left out of tools\/list .*"number"/) }]);
    await expect(client.callTool('scores', { score: 1 })).rejects.toMatchObject({
      name: 'TransportError',
      method: 'tools/call',
      message: expect.stringContaining('the tool "scores" was not called'),
    });
    expect(server.requests('tools/call')).toEqual([]);
  });
});

describe('a 2026-07-28 session over a transport that does not mirror tool arguments', () => {
  it('keeps every tool and gives tools/call no values', async () => {
    const { client, sendOptions, diagnostics } = await connect(false);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['execute_sql', 'scores']);
    await client.callTool('scores', { score: 1 });
    expect(sendOptions).toEqual([{ timeoutMs: 60_000 }]);
    expect(diagnostics).toEqual([]);
  });
});

describe('2026-07-28 subscriptions', () => {
  function listening(server: FakeServer): Promise<Record<string, unknown>> {
    return new Promise((opened) => {
      server.handle('subscriptions/listen', (params, context) => {
        opened(params);
        // The acknowledgement is what the client waits for; the test has nothing to do with its delivery.
        void server.notify('notifications/subscriptions/acknowledged', {
          _meta: { 'io.modelcontextprotocol/subscriptionId': context.requestId },
          notifications: params.notifications,
        });
        return new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(new Error('cancelled'))));
      });
    });
  }

  it('are reopened on the next connection of the same client', async () => {
    const client = new McpClient({ eraCache: false });
    const first = new FakeServer({ modernVersions: ['2026-07-28'] });
    // The test waits for the reopened listen on the next server; this one only has to answer.
    void listening(first);
    await client.connect(first.clientTransport);
    await client.subscribe({ toolsListChanged: true, resourceSubscriptions: ['file:///a'] });
    await client.close();

    const second = new FakeServer({ modernVersions: ['2026-07-28'] });
    const reopened = listening(second);
    await client.connect(second.clientTransport);
    await expect(reopened).resolves.toMatchObject({ notifications: { toolsListChanged: true, resourceSubscriptions: ['file:///a'] } });
    await client.close();
  });
});
