import { describe, expect, it } from 'vitest';
import { GLOBAL_FLAGS } from '../args/flags.js';
import { parseArgs } from '../args/parse.js';
import { DEFAULT_TRACES_ENDPOINT, tracesEndpoint } from './traces-endpoint.js';

const endpoint = (argv: string[], env: Record<string, string> = {}) => tracesEndpoint(parseArgs(argv, { flags: GLOBAL_FLAGS }), env);

describe('where a command sends its traces', () => {
  it('traces nothing without --otel nor an OTLP endpoint in the environment', () => {
    expect(endpoint(['tools'])).toBeUndefined();
  });

  it('sends to a collector on this machine with --otel alone', () => {
    expect(endpoint(['tools', '--otel'])).toBe(DEFAULT_TRACES_ENDPOINT);
  });

  it('appends /v1/traces to OTEL_EXPORTER_OTLP_ENDPOINT, as the OpenTelemetry SDKs do', () => {
    expect(endpoint(['tools'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe('http://collector:4318/v1/traces');
  });

  it('takes OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as it is, over OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/custom' };
    expect(endpoint(['tools', '--otel'], env)).toBe('http://b:4318/custom');
  });

  it('traces nothing with --no-otel, whatever the environment says', () => {
    expect(endpoint(['tools', '--no-otel'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318' })).toBeUndefined();
  });
});
