import { TransportError } from '@mcpx/core';
import {
  startDualEraGrpcServer,
  startEverythingHttp,
  startFakeHttpServer,
  startWebSocketBridge,
  type DualEraGrpcServer,
  type FakeHttpServer,
  type HttpServerProcess,
  type WebSocketBridge,
} from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerConnector } from '../src/client/server-connector.js';
import { createClient, validateConfig, type FactoryDiagnostic } from '../src/index.js';
import { textOf } from './helpers.js';

let streamable: HttpServerProcess;
let legacy: HttpServerProcess;
let bridge: WebSocketBridge;
let notFound: FakeHttpServer;
let grpc: DualEraGrpcServer;

beforeAll(async () => {
  [streamable, legacy, bridge, notFound, grpc] = await Promise.all([
    startEverythingHttp('streamableHttp'),
    startEverythingHttp('sse'),
    startWebSocketBridge(),
    startFakeHttpServer(),
    startDualEraGrpcServer({ env: { MCPX_GRPC_TOKEN: 'config-token' } }),
  ]);
});

afterAll(async () => {
  await Promise.all([streamable?.stop(), legacy?.stop(), bridge?.close(), notFound?.close(), grpc?.close()]);
});

describe('createClient over the network, against server-everything', () => {
  it('speaks Streamable HTTP to an http:// URL, without falling back', async () => {
    const diagnostics: FactoryDiagnostic[] = [];
    const client = await createClient({ url: streamable.url }, { name: 'streamable', onDiagnostic: (event) => diagnostics.push(event) });
    try {
      expect(textOf(await client.callTool('echo', { message: 'over http' }))).toBe('Echo: over http');
      expect(diagnostics).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('falls back to the legacy HTTP+SSE transport when Streamable HTTP is answered with a 4xx, and says so', async () => {
    const diagnostics: FactoryDiagnostic[] = [];
    const client = await createClient({ url: legacy.url }, { name: 'legacy', onDiagnostic: (event) => diagnostics.push(event) });
    try {
      expect(textOf(await client.callTool('echo', { message: 'over sse' }))).toBe('Echo: over sse');
      expect(diagnostics).toEqual([
        {
          server: 'legacy',
          type: 'sse-fallback',
          message: expect.stringMatching(
            new RegExp(`^${legacy.url} answered 4\\d\\d to Streamable HTTP; trying the legacy HTTP\\+SSE transport$`),
          ),
          error: expect.any(TransportError),
        },
      ]);
    } finally {
      await client.close();
    }
  });

  it('reconnects a server that needed the fallback straight over SSE', async () => {
    const diagnostics: FactoryDiagnostic[] = [];
    const [server] = validateConfig({ mcpServers: { legacy: { url: legacy.url } } }, { env: {} }).servers;
    const connector = new ServerConnector(server!, { onDiagnostic: (event) => diagnostics.push(event) });
    await (await connector.connect()).close();
    await (await connector.connect()).close();
    // A second attempt over Streamable HTTP would have been refused and reported again.
    expect(diagnostics.map((event) => event.type)).toEqual(['sse-fallback']);
  });

  it('connects over the legacy transport directly with type "sse"', async () => {
    const client = await createClient({ type: 'sse', url: legacy.url });
    try {
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it('does not fall back with sseFallback: false, and rejects with the Streamable HTTP error', async () => {
    const error: unknown = await createClient({ url: legacy.url, sseFallback: false }).catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect((error as TransportError).status).toBeGreaterThanOrEqual(400);
  });

  it('reports both failures when the fallback fails too', async () => {
    const diagnostics: FactoryDiagnostic[] = [];
    const error: unknown = await createClient(
      { url: notFound.url('/mcp') },
      { name: 'nowhere', onDiagnostic: (event) => diagnostics.push(event) },
    ).catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ server: 'nowhere', status: 404, target: notFound.url('/mcp') });
    expect((error as Error).message).toMatch(
      /^server "nowhere": Streamable HTTP was refused \(.*404.*\), and the legacy HTTP\+SSE fallback failed: .*404/,
    );
    expect(diagnostics.map((event) => event.type)).toEqual(['sse-fallback', 'sse-fallback-failed']);
  });

  it('does not fall back on 401: credentials are not a transport problem', async () => {
    notFound.handle((_request, response) => void response.writeHead(401, { 'www-authenticate': 'Bearer' }).end());
    const diagnostics: FactoryDiagnostic[] = [];
    const before = notFound.requests.length;
    try {
      const error: unknown = await createClient({ url: notFound.url('/mcp') }, { onDiagnostic: (event) => diagnostics.push(event) }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      expect(diagnostics).toEqual([]);
      const methods = notFound.requests.slice(before).map((request) => request.method);
      expect(methods).toContain('POST');
      expect(methods).not.toContain('GET');
    } finally {
      notFound.handle((_request, response) => void response.writeHead(404).end());
    }
  });

  it('speaks the gRPC binding to a grpc:// URL, with its headers as call metadata', async () => {
    const client = await createClient({ url: grpc.target, headers: { Authorization: 'Bearer config-token' } });
    try {
      expect(client.protocolVersion).toBe('2026-07-28');
      expect(textOf(await client.callTool('echo', { message: 'over gRPC' }))).toBe('Echo: over gRPC');
    } finally {
      await client.close();
    }
  });

  it('speaks WebSocket to a ws:// URL', async () => {
    const client = await createClient({ url: bridge.url });
    try {
      expect(textOf(await client.callTool('echo', { message: 'over ws' }))).toBe('Echo: over ws');
    } finally {
      await client.close();
    }
  });
});
