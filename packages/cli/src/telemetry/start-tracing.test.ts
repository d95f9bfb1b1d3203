import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from './start-tracing.js';

interface OtlpEvent {
  name: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}
interface OtlpBody {
  resourceSpans: Array<{
    resource: { attributes: OtlpEvent['attributes'] };
    scopeSpans: Array<{ spans: Array<{ name: string; events?: OtlpEvent[] }> }>;
  }>;
}

describe('the tracing of a command', () => {
  const bodies: OtlpBody[] = [];
  const collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
  });
  afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));

  it('records a token refresh as an event on the active span, naming the server by host only', async () => {
    const tracing = startTracing(url, { OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=ci' });
    const code = await tracing.trace(
      'call',
      () => {
        tracing.refresh({ serverUrl: 'https://user:pw@mcp.example.com/mcp?key=k', durationMs: 12, error: new TypeError('refused') });
        return Promise.resolve(0);
      },
      () => Promise.resolve(1),
    );
    expect(code).toBe(0);
    expect(await tracing.flush()).toBeUndefined();
    const spans = bodies.flatMap((body) => body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
    const event = spans.find((span) => span.name === 'mcpx call')?.events?.find((e) => e.name === 'mcpx.auth.refresh');
    const attributes = Object.fromEntries((event?.attributes ?? []).map(({ key, value }) => [key, Object.values(value)[0]]));
    expect(attributes).toMatchObject({ 'server.address': 'mcp.example.com', 'error.type': 'TypeError' });
    expect(Number(attributes['mcpx.auth.duration_ms'])).toBe(12);
    const resource = bodies[0]?.resourceSpans[0]?.resource.attributes.find(({ key }) => key === 'deployment.environment');
    expect(resource?.value).toEqual({ stringValue: 'ci' });
  });
});
