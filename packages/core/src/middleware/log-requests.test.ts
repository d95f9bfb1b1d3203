import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { FakeServer } from '../testing/fake-server.js';
import { logRequests, redact, type RequestLogEntry } from './log-requests.js';
import type { RequestMiddleware } from './request-middleware.js';

async function logged(options: { bodies?: boolean; before?: RequestMiddleware[] } = {}) {
  const entries: RequestLogEntry[] = [];
  const server = new FakeServer();
  server.handle('tools/call', (params) => ({ content: [{ type: 'text', text: `token for ${JSON.stringify(params.arguments)}` }] }));
  const client = new McpClient({
    server: 'everything',
    eraCache: false,
    middleware: [...(options.before ?? []), logRequests((entry) => entries.push(entry), { bodies: options.bodies ?? false })],
  });
  await client.connect(server.clientTransport);
  return { server, client, entries };
}

describe('logRequests', () => {
  it('logs each request and its result with the id, the sizes in bytes and the duration, not the bodies', async () => {
    const { client, entries } = await logged();
    const result = await client.callTool('echo', { apiKey: 'sk-live-1234' });
    expect(entries).toHaveLength(2);
    const [sent, answered] = entries;
    expect(sent).toEqual({
      type: 'request',
      server: 'everything',
      method: 'tools/call',
      id: expect.any(Number) as number,
      paramsBytes: JSON.stringify({ name: 'echo', arguments: { apiKey: 'sk-live-1234' } }).length,
    });
    expect(answered).toMatchObject({ type: 'result', method: 'tools/call', id: sent?.id, resultBytes: JSON.stringify(result).length });
    expect(answered?.type === 'result' && answered.durationMs >= 0).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('sk-live-1234');
  });

  it("logs a failed request with the error's name, code and message", async () => {
    const { server, client, entries } = await logged();
    server.handle('tools/call', () => {
      throw FakeServer.error(-32602, 'unknown tool');
    });
    await expect(client.callTool('nope', {})).rejects.toThrow('unknown tool');
    expect(entries.at(-1)).toMatchObject({ type: 'error', method: 'tools/call', error: { name: 'ProtocolError', code: -32602 } });
  });

  it('logs the names of the headers middleware added, not their values', async () => {
    const withHeader: RequestMiddleware = (request, next) => next({ ...request, headers: { 'X-Api-Key': 'sk-live-1234' } });
    const { client, entries } = await logged({ before: [withHeader] });
    await client.ping();
    expect(entries[0]).toMatchObject({ type: 'request', method: 'ping', headers: ['X-Api-Key'] });
    expect(JSON.stringify(entries)).not.toContain('sk-live-1234');
  });

  it('logs bodies when asked, with the values of secret-looking keys redacted', async () => {
    const { client, entries } = await logged({ bodies: true });
    await client.callTool('echo', { message: 'hi', apiKey: 'sk-live-1234', auth: { access_token: 'abc' } });
    expect(entries[0]).toMatchObject({
      params: { name: 'echo', arguments: { message: 'hi', apiKey: '[redacted]', auth: { access_token: '[redacted]' } } },
    });
    expect(entries[1]).toMatchObject({ result: { content: [{ type: 'text' }] } });
  });
});

describe('redact', () => {
  it('replaces the values of keys that look like secrets, at any depth, and keeps the rest', () => {
    expect(redact({ password: 'p', list: [{ Authorization: 'Bearer x', name: 'n' }], client_secret: 's', count: 2 })).toEqual({
      password: '[redacted]',
      list: [{ Authorization: '[redacted]', name: 'n' }],
      client_secret: '[redacted]',
      count: 2,
    });
  });
});
