import { afterEach, describe, expect, it } from 'vitest';
import { McpClient } from '../../client/mcp-client.js';
import type { McpClientOptions } from '../../client/options.js';
import { ErrorCode } from '../../errors/protocol-error.js';
import { FakeServer } from '../../testing/fake-server.js';
import type { CreateMessageResult } from '../../types/index.js';

const SAMPLE = { messages: [{ role: 'user', content: { type: 'text', text: 'hello' } }], maxTokens: 10 };
const ANSWER: CreateMessageResult = { role: 'assistant', model: 'test-model', content: { type: 'text', text: 'hi there' } };
const GIVEN_TASKS = { list: {}, cancel: {}, requests: { sampling: { createMessage: {} } } };
const CAPABILITIES_KEY = 'io.modelcontextprotocol/clientCapabilities';

const clients: McpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

async function connected(server: FakeServer, options: McpClientOptions) {
  const client = new McpClient({ eraCache: false, server: 'fake', ...options });
  clients.push(client);
  await client.connect(server.clientTransport);
  return client;
}

function configError(options: McpClientOptions, says: string) {
  expect(() => new McpClient(options)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(says) }));
}

describe('the tasks capability the client declares as a task receiver', () => {
  it('declares no tasks to a 2026-07-28 server, in server/discover or in the _meta of later requests, even a capabilities.tasks given', async () => {
    for (const options of [{ sampling: () => ANSWER }, { sampling: () => ANSWER, capabilities: { tasks: GIVEN_TASKS } }]) {
      const server = new FakeServer({ modernVersions: ['2026-07-28'] }).handle('tools/list', () => ({ resultType: 'complete', tools: [] }));
      const client = await connected(server, options);
      expect(client.protocolVersion).toBe('2026-07-28');
      await client.listTools();
      expect(JSON.stringify(server.requests('server/discover'))).not.toContain('"tasks"');
      const meta = server.requests('tools/list')[0]?._meta as Record<string, unknown>;
      expect(meta[CAPABILITIES_KEY]).toMatchObject({ sampling: {} });
      expect(meta[CAPABILITIES_KEY]).not.toHaveProperty('tasks');
    }
  });

  it('declares no capabilities.tasks given to it when it offers 2025-06-18, which had no tasks', async () => {
    const server = new FakeServer();
    await connected(server, { sampling: () => ANSWER, capabilities: { tasks: GIVEN_TASKS }, protocolVersion: '2025-06-18' });
    expect(server.initializeParams?.protocolVersion).toBe('2025-06-18');
    expect(server.initializeParams?.capabilities).not.toHaveProperty('tasks');
  });

  it('declares a capabilities.tasks given to it in a 2025-11-25 initialize, instead of the derived one', async () => {
    const server = new FakeServer();
    await connected(server, { sampling: () => ANSWER, capabilities: { tasks: { requests: { sampling: { createMessage: {} } } } } });
    expect(server.initializeParams?.capabilities).toMatchObject({ tasks: { requests: { sampling: { createMessage: {} } } } });
    expect((server.initializeParams?.capabilities as { tasks: object }).tasks).not.toHaveProperty('list');
  });

  it('refuses a capabilities.tasks with taskReceiver false with a ConfigError saying to remove one', () => {
    configError(
      { sampling: () => ANSWER, taskReceiver: false, capabilities: { tasks: GIVEN_TASKS } },
      '"taskReceiver" is false; remove one of them',
    );
  });

  it('refuses a capabilities.tasks without a sampling or elicitation handler with a ConfigError', () => {
    configError({ roots: () => [], capabilities: { tasks: GIVEN_TASKS } }, 'there is no sampling or elicitation handler to run them');
  });

  it('refuses a task request in capabilities.tasks whose handler is missing with a ConfigError naming it', () => {
    configError(
      { elicitation: () => ({ action: 'decline' }), capabilities: { tasks: GIVEN_TASKS } },
      'declares requests.sampling.createMessage, but there is no "sampling" handler',
    );
  });

  it('runs no tasks when the server answered an older revision than the 2025-11-25 it declared tasks in', async () => {
    const server = new FakeServer({ protocolVersions: ['2025-06-18'] });
    const client = await connected(server, { sampling: () => ANSWER });
    expect(server.initializeParams?.capabilities).toHaveProperty('tasks');
    expect(client.protocolVersion).toBe('2025-06-18');
    expect(await server.request('sampling/createMessage', { ...SAMPLE, task: { ttl: 60_000 } })).toEqual(ANSWER);
    await expect(server.request('tasks/list', {})).rejects.toMatchObject({ code: ErrorCode.MethodNotFound });
  });
});
