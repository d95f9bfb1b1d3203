import { describe, expect, it } from 'vitest';
import { ErrorCode, ProtocolError } from '../errors/protocol-error.js';
import { UrlElicitationRequiredError } from '../errors/url-elicitation-required-error.js';
import { FakeServer } from '../testing/fake-server.js';
import { McpClient } from './mcp-client.js';
import type { McpClientOptions } from './options.js';
import type { UrlElicitation, UrlElicitationContext } from './url-elicitation.js';

const PREREQUISITE = {
  mode: 'url',
  elicitationId: 'e-1',
  url: 'https://auth.example/connect?e=1',
  message: 'Connect your Example account.',
};

async function legacy(options: McpClientOptions = {}, modernVersions?: string[]) {
  const server = new FakeServer(modernVersions === undefined ? {} : { modernVersions });
  const client = new McpClient({ eraCache: false, ...options });
  await client.connect(server.clientTransport);
  return { server, client };
}

/** A tools/call that fails with -32042 until the elicitation completed, then answers. */
function needsElicitation(server: FakeServer): { completed: () => void } {
  let done = false;
  server.handle('tools/call', () => {
    if (!done)
      throw FakeServer.error(ErrorCode.UrlElicitationRequired, 'This request requires more information.', { elicitations: [PREREQUISITE] });
    return { content: [{ type: 'text', text: 'connected' }] };
  });
  return { completed: () => (done = true) };
}

describe('URL elicitation capabilities', () => {
  it('declares elicitation.url only with a URL handler', async () => {
    const { server } = await legacy({ urlElicitation: () => ({ action: 'accept' }) });
    expect((server.initializeParams?.capabilities as Record<string, unknown>).elicitation).toEqual({ url: {} });
  });

  it('declares both modes with both handlers', async () => {
    const { server } = await legacy({ urlElicitation: () => ({ action: 'accept' }), elicitation: () => ({ action: 'decline' }) });
    expect((server.initializeParams?.capabilities as Record<string, unknown>).elicitation).toEqual({ form: {}, url: {} });
  });

  it('declares only form mode with a form handler', async () => {
    const { server } = await legacy({ elicitation: () => ({ action: 'decline' }) });
    expect((server.initializeParams?.capabilities as Record<string, unknown>).elicitation).toEqual({ form: {} });
  });
});

describe('elicitation/create in URL mode', () => {
  it('goes to the URL handler, which is told the elicitation and that nothing is retried', async () => {
    const seen: Array<[UrlElicitation, boolean]> = [];
    const { server } = await legacy({
      urlElicitation: (elicitation, context) => (seen.push([elicitation, context.retry]), { action: 'accept' }),
    });
    await expect(server.request('elicitation/create', PREREQUISITE)).resolves.toEqual({ action: 'accept' });
    expect(seen).toEqual([[{ message: PREREQUISITE.message, url: PREREQUISITE.url, elicitationId: 'e-1' }, false]]);
  });

  it('is refused with invalid params by a client without a URL handler', async () => {
    const { server } = await legacy({ elicitation: () => ({ action: 'accept', content: {} }) });
    const refused = await server.request('elicitation/create', PREREQUISITE).catch((error: unknown) => error);
    expect(ProtocolError.isInstance(refused) && refused.code).toBe(ErrorCode.InvalidParams);
  });

  it('gives the handler a completion that notifications/elicitation/complete resolves, ignoring other ids', async () => {
    const { server } = await legacy({
      urlElicitation: async (_elicitation, context) => {
        await server.notify('notifications/elicitation/complete', { elicitationId: 'someone-else' });
        await server.notify('notifications/elicitation/complete', { elicitationId: 'e-1' });
        await context.completion;
        return { action: 'accept' };
      },
    });
    await expect(server.request('elicitation/create', PREREQUISITE)).resolves.toEqual({ action: 'accept' });
  });
});

describe('a request that fails with -32042 (URL elicitation required)', () => {
  it('rejects with a UrlElicitationRequiredError carrying the elicitations when there is no URL handler', async () => {
    const { server, client } = await legacy();
    needsElicitation(server);
    const error = await client.callTool('files').catch((caught: unknown) => caught);
    expect(UrlElicitationRequiredError.isInstance(error)).toBe(true);
    expect((error as UrlElicitationRequiredError).elicitations).toEqual([
      { elicitationId: 'e-1', url: PREREQUISITE.url, message: PREREQUISITE.message },
    ]);
    expect(server.requests('tools/call')).toHaveLength(1);
  });

  it('is retried once the URL handler accepted and the server said the elicitation completed', async () => {
    const server = new FakeServer();
    const flow = needsElicitation(server);
    const contexts: UrlElicitationContext[] = [];
    const client = new McpClient({
      eraCache: false,
      urlElicitation: async (_elicitation, context) => {
        contexts.push(context);
        // The user finishes in the browser; the server records it and says so.
        flow.completed();
        await server.notify('notifications/elicitation/complete', { elicitationId: 'e-1' });
        await context.completion;
        return { action: 'accept' };
      },
    });
    await client.connect(server.clientTransport);
    await expect(client.callTool('files')).resolves.toMatchObject({ content: [{ type: 'text', text: 'connected' }] });
    expect(contexts.map((context) => context.retry)).toEqual([true]);
    expect(server.requests('tools/call')).toHaveLength(2);
  });

  it('is not retried when the user declines, and the error reaches the caller', async () => {
    const { server, client } = await legacy({ urlElicitation: () => ({ action: 'decline' }) });
    needsElicitation(server);
    await expect(client.callTool('files')).rejects.toSatisfy(UrlElicitationRequiredError.isInstance);
    expect(server.requests('tools/call')).toHaveLength(1);
  });

  it('gives up after maxInputRounds retries of a server that keeps asking', async () => {
    const { server, client } = await legacy({ urlElicitation: () => ({ action: 'accept' }), maxInputRounds: 2 });
    needsElicitation(server);
    await expect(client.callTool('files')).rejects.toSatisfy(UrlElicitationRequiredError.isInstance);
    expect(server.requests('tools/call')).toHaveLength(3);
  });
});

describe('URL elicitation in 2026-07-28 input requests', () => {
  it('goes to the URL handler without an elicitationId, and its answer travels in inputResponses', async () => {
    const seen: UrlElicitation[] = [];
    const { server, client } = await legacy({ urlElicitation: (elicitation) => (seen.push(elicitation), { action: 'accept' }) }, [
      '2026-07-28',
    ]);
    server.handle('tools/call', (params) =>
      params.inputResponses === undefined
        ? {
            resultType: 'input_required',
            requestState: 's',
            inputRequests: { pay: { method: 'elicitation/create', params: { mode: 'url', url: 'https://pay.example/p', message: 'Pay' } } },
          }
        : { resultType: 'complete', content: [{ type: 'text', text: JSON.stringify(params.inputResponses) }] },
    );
    const result = await client.callTool('buy');
    expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual({ pay: { action: 'accept' } });
    expect(seen).toEqual([{ message: 'Pay', url: 'https://pay.example/p' }]);
  });
});
