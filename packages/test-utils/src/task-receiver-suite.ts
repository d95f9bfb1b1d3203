import { McpClient, ProtocolError, type McpClientOptions } from '@mcpx/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransportFactory } from './feature-suite.js';

const handlers: McpClientOptions = {
  sampling: (params) => ({
    role: 'assistant',
    model: 'test-model',
    content: { type: 'text', text: `sampled in the background with maxTokens ${params.maxTokens}` },
  }),
  elicitation: () => ({ action: 'accept', content: { name: 'Ada Lovelace', favoriteColor: 'Green' } }),
};

function text(result: { content: Array<{ type: string }> }): string {
  return result.content.map((block) => ('text' in block ? String(block.text) : '')).join('\n');
}

/**
 * The client as the receiver of tasks (2025-11-25) against server-everything, whose
 * `trigger-sampling-request-async` and `trigger-elicitation-request-async` send a task-augmented
 * request, poll the client's `tasks/get` and fetch `tasks/result`; over whichever transport
 * `makeTransport` builds.
 */
export function describeTaskReceiverSuite(transportName: string, makeTransport: TransportFactory): void {
  describe(`the client as a task receiver over ${transportName} against server-everything`, () => {
    const clients: McpClient[] = [];
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
    });

    async function connect(options: McpClientOptions = handlers): Promise<McpClient> {
      const client = new McpClient({ server: 'everything', ...options });
      clients.push(client);
      await client.connect(await makeTransport());
      return client;
    }

    async function toolNames(client: McpClient): Promise<string[]> {
      return (await client.listTools()).tools.map((tool) => tool.name);
    }

    it('is offered the async tools only when it declares task-augmented sampling and elicitation', async () => {
      const async = ['trigger-sampling-request-async', 'trigger-elicitation-request-async'];
      expect(await toolNames(await connect())).toEqual(expect.arrayContaining(async));
      const off = await toolNames(await connect({ ...handlers, taskReceiver: false }));
      expect(off).toContain('trigger-sampling-request');
      expect(off).not.toContain(async[0]);
      expect(off).not.toContain(async[1]);
    });

    it("runs the server's task-augmented sampling request as a task the server polls and fetches", async () => {
      const client = await connect();
      const output = text(await client.callTool('trigger-sampling-request-async', { prompt: 'hello', maxTokens: 7 }));
      expect(output).toContain('[COMPLETED]');
      expect(output).toMatch(/Task created: [0-9a-f-]{36}/);
      expect(output).toContain('sampled in the background with maxTokens 7');
      expect(output).toContain('io.modelcontextprotocol/related-task');
    });

    it("runs the server's task-augmented elicitation as a task and hands the user's answer back", async () => {
      const client = await connect();
      const output = text(await client.callTool('trigger-elicitation-request-async', {}));
      expect(output).toContain('[COMPLETED] User provided the requested information!');
      expect(output).toContain('- Name: Ada Lovelace');
      expect(output).toContain('- Favorite Color: Green');
    });

    it('reports a failed task with the sampling handler’s error as its status message', async () => {
      const client = await connect({
        ...handlers,
        sampling: () => {
          throw new ProtocolError({ code: -32600, message: 'the user declined to run the model' });
        },
      });
      const output = text(await client.callTool('trigger-sampling-request-async', { prompt: 'hello' }));
      expect(output).toContain('[FAILED] the user declined to run the model');
    });
  });
}
