import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { everythingCommand, refuseOnce, startFakeMcpServer } from '@mcpx/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mcpx, requireBuild, scratch } from './helpers.js';

/** One span as OTLP/HTTP JSON carries it, with its attributes flattened. */
interface ExportedSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  /** 2 is ERROR. */
  status: { code?: number; message?: string };
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  events: Array<{ name: string; attributes: Record<string, unknown> }>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

interface OtlpBody {
  resourceSpans: Array<{
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: Array<{
      spans: Array<
        Omit<ExportedSpan, 'attributes' | 'resource' | 'events'> & {
          attributes: OtlpAttribute[];
          events?: Array<{ name: string; attributes?: OtlpAttribute[] }>;
        }
      >;
    }>;
  }>;
}

function flatten(attributes: OtlpAttribute[]): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));
}

/** A loopback OTLP/HTTP collector: it accepts JSON on POST /v1/traces and keeps the spans. */
class Collector {
  readonly spans: ExportedSpan[] = [];
  posts = 0;
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces' || request.headers['content-type'] !== 'application/json') {
        response.writeHead(404).end();
        return;
      }
      this.posts += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody;
      for (const { resource, scopeSpans } of body.resourceSpans)
        for (const { spans } of scopeSpans)
          for (const span of spans)
            this.spans.push({
              ...span,
              attributes: flatten(span.attributes),
              resource: flatten(resource.attributes),
              events: (span.events ?? []).map((event) => ({ name: event.name, attributes: flatten(event.attributes ?? []) })),
            });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  named(name: string): ExportedSpan {
    const found = this.spans.filter((span) => span.name === name);
    expect(found, `spans named ${name} among ${this.spans.map((span) => span.name).join(', ')}`).toHaveLength(1);
    return found[0]!;
  }

  reset(): void {
    this.spans.length = 0;
    this.posts = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A 2025-11-25 stdio server that ends its process shortly after each handshake: the registry reconnects it. */
const SHORT_LIVED_SERVER = `
import { createInterface } from 'node:readline';
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\\n');
createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, method, params } = JSON.parse(line);
  if (method === 'initialize')
    send({ id, result: { protocolVersion: params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'short-lived', version: '1.0.0' } } });
  else if (method === 'notifications/initialized') setTimeout(() => process.exit(0), 300);
  else if (method === 'ping') send({ id, result: {} });
  else if (method === 'tools/list') send({ id, result: { tools: [] } });
  else if (id !== undefined) send({ id, error: { code: -32601, message: 'Method not found' } });
});
`;

const dir = scratch('otel');
const collector = new Collector();
let endpoint: string;
let config: string;

beforeAll(async () => {
  requireBuild();
  endpoint = await collector.listen();
  config = dir.write('mcp.json', JSON.stringify({ mcpServers: { everything: everythingCommand('stdio') } }));
});
afterAll(async () => {
  await collector.close();
  dir[Symbol.dispose]();
});
beforeEach(() => collector.reset());

describe('mcpx --otel', () => {
  it('exports the spans of mcpx call to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, each request a child of the command', async () => {
    const env = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${endpoint}/v1/traces` };
    const result = await mcpx(['call', 'everything/echo', 'message=traced', '--config', config], { dir, env });
    expect(result).toMatchObject({ code: 0, stdout: 'Echo: traced\n' });
    const command = collector.named('mcpx call');
    expect(command.parentSpanId ?? '').toBe('');
    expect(command.attributes['process.exit.code']).toBe(0);
    expect(command.resource['service.name']).toBe('mcpx');
    const call = collector.named('tools/call echo');
    expect(call.traceId).toBe(command.traceId);
    expect(call.parentSpanId).toBe(command.spanId);
    expect(call.attributes).toMatchObject({
      'mcp.method.name': 'tools/call',
      'gen_ai.tool.name': 'echo',
      'gen_ai.operation.name': 'execute_tool',
      'mcp.protocol.version': expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      'jsonrpc.request.id': expect.stringMatching(/^\d+$/) as unknown,
    });
  });

  it('exports the spans of mcpx tools to OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces with --otel', async () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'agent-tools' };
    const result = await mcpx(['tools', '--otel', '--json', '--config', config], { dir, env });
    expect(result.code).toBe(0);
    const command = collector.named('mcpx tools');
    const list = collector.spans.find((span) => span.name === 'tools/list');
    expect(list?.parentSpanId).toBe(command.spanId);
    expect(list?.attributes['mcp.method.name']).toBe('tools/list');
    expect(command.resource['service.name']).toBe('agent-tools');
  });

  it('marks the command span of a refused call as failed, with its exit code', async () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
    const result = await mcpx(['call', 'everything/get-sum', 'a=1', '--config', config], { dir, env });
    expect(result.code).not.toBe(0);
    const command = collector.named('mcpx call');
    // The span's status says what the command told the user: the argument the call lacks.
    const reported = result.stderr.split('\n')[0]!.replace(/^mcpx: /, '');
    expect(reported).toContain('everything/get-sum needs the argument b');
    expect(command.status).toEqual({ code: 2, message: reported });
    expect(command.attributes['process.exit.code']).toBe(result.code);
  });

  it('records each reconnection the registry schedules while watching as a span under the command', async () => {
    const server = dir.write('short-lived.mjs', SHORT_LIVED_SERVER);
    const flaky = dir.write('flaky.json', JSON.stringify({ mcpServers: { flaky: { command: process.execPath, args: [server] } } }));
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
    // Eight checks half a second apart: seconds for a server that lives 300 ms to go and be reconnected.
    await mcpx(['health', '--watch', '--interval', '500ms', '--count', '8', '--json', '--config', flaky], { dir, env });
    const command = collector.named('mcpx health');
    const reconnects = collector.spans.filter((span) => span.name === 'mcpx.reconnect');
    expect(reconnects.length).toBeGreaterThan(0);
    expect(reconnects[0]?.parentSpanId).toBe(command.spanId);
    expect(reconnects[0]?.attributes).toMatchObject({
      'mcpx.server': 'flaky',
      'mcpx.reconnect.attempt': 1,
      'mcpx.reconnect.delay_ms': expect.any(Number) as unknown,
      'error.type': expect.any(String) as unknown,
    });
  });

  it('records a retry of an HTTP request as an mcpx.http.retry event on the span of that request', async () => {
    const server = await startFakeMcpServer();
    try {
      refuseOnce(server, 'tools/list', { tools: [] });
      const busy = dir.write('busy.json', JSON.stringify({ mcpServers: { busy: { url: `${server.url()}?key=k3y` } } }));
      const result = await mcpx(['tools', '--otel', '--json', '--config', busy], { dir, env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } });
      expect(result.code).toBe(0);
      const refused = collector.spans.find((span) => span.name === 'tools/list' && span.events.length > 0);
      expect(refused?.events.map((event) => event.name)).toEqual(['mcpx.http.retry']);
      const { attributes } = refused!.events[0]!;
      expect(attributes).toMatchObject({ 'url.full': server.url(), 'mcp.method.name': 'tools/list' });
      expect(Number(attributes['mcpx.retry.attempt'])).toBe(1);
      expect(Number(attributes['http.response.status_code'])).toBe(503);
    } finally {
      await server.close();
    }
  });

  it('sends nothing with --no-otel, whatever the environment says', async () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
    const result = await mcpx(['call', 'everything/echo', 'message=quiet', '--no-otel', '--config', config], { dir, env });
    expect(result.code).toBe(0);
    // The process has exited: a traced run would have flushed its spans before.
    expect(collector.posts).toBe(0);
  });

  it('says on stderr that traces could not be exported, and keeps the exit code of the command', async () => {
    const closed = new Collector();
    const unreachable = await closed.listen();
    await closed.close();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: unreachable };
    const result = await mcpx(['call', 'everything/echo', 'message=lost', '--config', config], { dir, env });
    expect(result).toMatchObject({ code: 0, stdout: 'Echo: lost\n' });
    expect(result.stderr).toContain(`could not export traces to ${unreachable}/v1/traces`);
  });

  it('runs a command untraced, with a warning, when the endpoint is not a URL', async () => {
    const env = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' };
    const result = await mcpx(['call', 'everything/echo', 'message=plain', '--config', config], { dir, env });
    expect(result).toMatchObject({ code: 0, stdout: 'Echo: plain\n' });
    expect(result.stderr).toContain('mcpx: traces not exported: the OTLP traces endpoint is not an http(s) URL');
  });

  it('does not trace commands that talk to no server, such as completion', async () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
    const result = await mcpx(['completion', 'bash'], { dir, env });
    expect(result.code).toBe(0);
    expect(collector.posts).toBe(0);
  });

  it('leaves user name, password and query out of the export error', async () => {
    const closed = new Collector();
    const unreachable = new URL(await closed.listen());
    await closed.close();
    unreachable.username = 'user';
    unreachable.password = 's3cret';
    const env = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${unreachable.href}v1/traces?key=k3y` };
    const result = await mcpx(['call', 'everything/echo', 'message=lost', '--config', config], { dir, env });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('could not export traces to http://127.0.0.1:');
    expect(result.stderr).not.toMatch(/s3cret|k3y|user@/);
  });
});
