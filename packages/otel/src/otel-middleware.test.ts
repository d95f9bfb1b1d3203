import type { OutgoingRequest } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { otelMiddleware } from './otel-middleware.js';

const request: OutgoingRequest = {
  method: 'tools/call',
  params: { name: 'echo', arguments: { message: 'hi' } },
  options: {},
  headers: undefined,
  server: 'test',
};

describe('the middleware without an OpenTelemetry SDK', () => {
  it('sends the request object it was given, with no trace context added', async () => {
    let sent: OutgoingRequest | undefined;
    await otelMiddleware()(request, (given) => {
      sent = given;
      return Promise.resolve({ content: [] });
    });
    expect(sent).toBe(request);
  });

  it('passes the error of a failed request on unchanged', async () => {
    const failure = new Error('refused');
    await expect(otelMiddleware()(request, () => Promise.reject(failure))).rejects.toBe(failure);
  });
});
