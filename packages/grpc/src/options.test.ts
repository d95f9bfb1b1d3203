import { describe, expect, it } from 'vitest';
import { channelOptions } from './channel.js';
import { GrpcTransport } from './index.js';
import { resolveOptions } from './options.js';

describe('GrpcTransport options', () => {
  it('takes grpc:// with a port and grpcs:// with 443 by default', () => {
    expect(new GrpcTransport('grpc://127.0.0.1:50051').description).toBe('grpc://127.0.0.1:50051');
    expect(new GrpcTransport('grpcs://mcp.example.com').description).toBe('grpcs://mcp.example.com:443');
  });

  it.each([
    ['http://127.0.0.1:50051', /must start with grpc:\/\/ or grpcs:\/\//],
    ['grpc://127.0.0.1', /a grpc:\/\/ target needs a port/],
    ['grpc://user:pw@127.0.0.1:1', /must not carry credentials/],
    ['grpc://127.0.0.1:1/model_context_protocol.Mcp', /names a server only/],
    ['127.0.0.1:50051', /write grpc:\/\/host:port/],
  ])('refuses the target %s with a ConfigError saying what to write', (target, message) => {
    expect(() => new GrpcTransport(target)).toThrow(message);
  });

  it('refuses TLS settings on a grpc:// target, and a certificate without its key', () => {
    expect(() => new GrpcTransport('grpc://127.0.0.1:1', { tls: { ca: 'x' } })).toThrow(/use grpcs:\/\/ for TLS/);
    expect(() => new GrpcTransport('grpcs://127.0.0.1:1', { tls: { cert: 'x' } })).toThrow(/"tls.cert" and "tls.key" go together/);
  });

  it('refuses metadata keys gRPC cannot send and misspelt options', () => {
    expect(() => new GrpcTransport('grpc://127.0.0.1:1', { metadata: { Authorization: 'x' } })).toThrow(/not a valid gRPC metadata key/);
    expect(() => new GrpcTransport('grpc://127.0.0.1:1', { metadata: { 'x-key-bin': 'x' } })).toThrow(/ends with "-bin"/);
    expect(() => new GrpcTransport('grpc://127.0.0.1:1', { keepAliveIntervalMs: 1 } as never)).toThrow(/keepAliveIntervalMs/);
  });

  it('refuses a metadata value gRPC cannot carry with a ConfigError naming the key but not the value', () => {
    let error: unknown;
    try {
      new GrpcTransport('grpc://127.0.0.1:1', { metadata: { authorization: 'Bearer s3cr3t-token\n' } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ name: 'ConfigError', message: expect.stringContaining('"authorization"') });
    expect((error as Error).message).not.toContain('s3cr3t');
  });

  it('sends no keepalive pings by default, and when asked only while calls are in flight', () => {
    expect(channelOptions(resolveOptions('grpc://127.0.0.1:1', {}))).not.toHaveProperty('grpc.keepalive_time_ms');
    expect(channelOptions(resolveOptions('grpc://127.0.0.1:1', { keepaliveIntervalMs: 300_000 }))).toMatchObject({
      'grpc.keepalive_time_ms': 300_000,
      'grpc.keepalive_permit_without_calls': 0,
    });
  });
});
