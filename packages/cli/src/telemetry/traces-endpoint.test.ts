import { describe, expect, it } from 'vitest';
import { GLOBAL_FLAGS } from '../args/flags.js';
import { parseArgs } from '../args/parse.js';
import { DEFAULT_TRACES_ENDPOINT, tracesEndpoint } from './traces-endpoint.js';

const endpoint = (argv: string[], env: Record<string, string> = {}) => tracesEndpoint(parseArgs(argv, { flags: GLOBAL_FLAGS }), env);

describe('where a command sends its traces', () => {
  it('traces nothing without --otel nor an OTLP endpoint in the environment', () => {
    expect(endpoint(['tools'])).toEqual({});
  });

  it('sends to a collector on this machine with --otel alone', () => {
    expect(endpoint(['tools', '--otel'])).toEqual({ url: DEFAULT_TRACES_ENDPOINT });
  });

  it('appends /v1/traces to OTEL_EXPORTER_OTLP_ENDPOINT, as the OpenTelemetry SDKs do', () => {
    expect(endpoint(['tools'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      url: 'http://collector:4318/v1/traces',
    });
  });

  it('takes OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as it is, over OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/custom' };
    expect(endpoint(['tools', '--otel'], env)).toEqual({ url: 'http://b:4318/custom' });
  });

  it('traces nothing with --no-otel, whatever the environment says', () => {
    expect(endpoint(['tools', '--no-otel'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' })).toEqual({});
  });

  it('traces nothing when OTEL_SDK_DISABLED is true, unless --otel asks', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'TRUE' };
    expect(endpoint(['tools'], env)).toEqual({});
    expect(endpoint(['tools', '--otel'], env)).toEqual({ url: 'http://a:4318/v1/traces' });
  });

  it('traces nothing when OTEL_TRACES_EXPORTER names no otlp exporter', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' };
    expect(endpoint(['tools'], { ...env, OTEL_TRACES_EXPORTER: 'none' })).toEqual({});
    expect(endpoint(['tools'], { ...env, OTEL_TRACES_EXPORTER: 'console, otlp' })).toEqual({ url: 'http://a:4318/v1/traces' });
  });

  it('runs untraced with a warning when the endpoint is not an http(s) URL', () => {
    expect(endpoint(['tools'], { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' })).toEqual({
      warning: 'traces not exported: the OTLP traces endpoint is not an http(s) URL; check OTEL_EXPORTER_OTLP_ENDPOINT',
    });
  });

  it('runs untraced with a warning when the protocol is gRPC, which mcpx does not export', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' };
    expect(endpoint(['tools'], env).warning).toMatch(/gRPC is not supported/);
    expect(endpoint(['tools'], env).url).toBeUndefined();
  });
});
