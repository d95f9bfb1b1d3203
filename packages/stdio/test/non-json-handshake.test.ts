import { ConnectTimeoutError, EraCache, McpClient, NonJsonOutputError } from '@mcpx/core';
import { afterEach, describe, expect, it } from 'vitest';
import { StdioTransport } from '../src/index.js';
import { faultServer } from './helpers.js';

// A server that writes what is not JSON-RPC on stdout must be reported as such, in seconds: the
// connect timeout here is far longer than the test's own, so only the fast report can pass.
const PATIENT = { connectTimeoutMs: 600_000, eraCache: new EraCache() };
const clients: McpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

function client(options: ConstructorParameters<typeof McpClient>[0] = {}): McpClient {
  const created = new McpClient({ ...PATIENT, ...options });
  clients.push(created);
  return created;
}

async function connectError(connected: McpClient, options: { command: string; args: string[] }): Promise<unknown> {
  return connected.connect(() => new StdioTransport({ ...options, stderr: 'pipe' })).catch((caught: unknown) => caught);
}

describe('connecting to a server that writes lines that are not JSON on stdout', () => {
  it('fails soon with a NonJsonOutputError quoting the line and saying logs belong on stderr', async () => {
    const error = await connectError(client({ server: 'chatty' }), faultServer('stdout-chatter', '--then=wait'));
    expect(NonJsonOutputError.isInstance(error)).toBe(true);
    expect(ConnectTimeoutError.isInstance(error)).toBe(false);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^server "chatty", connecting: the server wrote output that is not JSON-RPC on stdout, starting with "Server v1\.2\.3 starting, listening on stdio"/,
    );
    expect(message).toContain('logs and banners belong on stderr');
    expect(message).not.toContain('server/discover');
    expect((error as NonJsonOutputError).lines[0]).toBe('Server v1.2.3 starting, listening on stdio');
  });

  it('fails soon with the era pinned too, where there is no probe', async () => {
    const error = await connectError(client({ era: 'legacy' }), faultServer('stdout-chatter', '--then=wait'));
    expect(NonJsonOutputError.isInstance(error)).toBe(true);
  });

  it('says so, with the exit code and stderr, when the program exits after such lines', async () => {
    const error = await connectError(client({ server: 'wrong' }), faultServer('stdout-chatter', '--then=exit'));
    expect(NonJsonOutputError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(
      'starting with "Server v1.2.3 starting, listening on stdio", then closed the connection (exit code 2) without a valid answer to the handshake',
    );
    expect(message).toContain('error: missing --port');
    expect((error as NonJsonOutputError).lines).toEqual(['Server v1.2.3 starting, listening on stdio', 'usage: chatter [--port N]']);
  });

  it('tolerates a banner followed by valid answers', async () => {
    const connected = client();
    const session = await connected.connect(() => new StdioTransport(faultServer('legacy-server', '--banner', '--on-unknown=error')));
    expect(session.era).toBe('legacy');
    await connected.ping();
  });
});
