import { describe, expect, it } from 'vitest';
import { accept, openWithEndpoint, startFake } from './fake-server.js';
import { recorded, request } from './recording.js';

describe('headers given to send (request middleware adds them)', () => {
  it('go with that POST only, over the configured headers and under the content type', async () => {
    const server = await startFake({ GET: (_req, res) => openWithEndpoint(res, '/message'), POST: accept });
    const { transport } = recorded(server.url('/sse'), { headers: { 'X-Tenant': 'acme' } });
    await transport.start();
    await transport.send(request('ping', 1), { headers: { 'X-Tenant': 'globex', 'Content-Type': 'text/plain' } });
    await transport.send(request('ping', 2));
    const [first, second] = server.requestsOf('POST');
    expect(first?.headers['x-tenant']).toBe('globex');
    expect(first?.headers['content-type']).toBe('application/json');
    expect(second?.headers['x-tenant']).toBe('acme');
  });
});
