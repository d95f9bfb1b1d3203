import { describe, expect, it } from 'vitest';
import { exportHeaders, keyValueList, resourceAttributes } from './otel-env.js';

describe('the OpenTelemetry variables read from the command environment', () => {
  it('reads key=value pairs, percent-decoded, skipping what is not a pair', () => {
    expect(keyValueList('a=1, b = two%20words ,broken,=x,c=%E0%A4%A')).toEqual({ a: '1', b: 'two words' });
  });

  it('takes resource attributes from OTEL_RESOURCE_ATTRIBUTES', () => {
    expect(resourceAttributes({ OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=ci,team=agents' })).toEqual({
      'deployment.environment': 'ci',
      team: 'agents',
    });
  });

  it('lets OTEL_EXPORTER_OTLP_TRACES_HEADERS override OTEL_EXPORTER_OTLP_HEADERS', () => {
    const env = { OTEL_EXPORTER_OTLP_HEADERS: 'x-key=a,x-team=t', OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-key=b' };
    expect(exportHeaders(env)).toEqual({ 'x-key': 'b', 'x-team': 't' });
  });
});
