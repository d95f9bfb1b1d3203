import { describe, expect, it } from 'vitest';
import { ModelRequestError } from './model-request-error.js';

const failed = (cause: unknown, status?: number) =>
  new ModelRequestError('OpenAI', 'gpt-test', 1, status, { cause, baseURL: 'https://api.example.com/v1' });

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('a model request that got no answer', () => {
  it('is told apart without class names, which a minifier renames', () => {
    // What a minified build makes of the SDK's APIConnectionError: a class named `a`.
    const Minified = class a extends Error {};
    const error = failed(new Minified('Connection error.'));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('could not reach https://api.example.com/v1');
  });

  it('is unreached when a cause says the connection was refused, the host unknown or the connection reset', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET']) {
      const error = failed(new TypeError('fetch failed', { cause: coded(`connect ${code}`, code) }));
      expect(error.isRetryable).toBe(true);
      expect(error.message).toContain('could not reach');
    }
  });

  it('is a timeout when a cause says the connection timed out', () => {
    const error = failed(new TypeError('fetch failed', { cause: coded('connect ETIMEDOUT', 'ETIMEDOUT') }));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('did not answer in time');
  });

  it('is neither for another error, which is not retried', () => {
    const error = failed(new Error('Unexpected token in JSON'));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('check the model name, the API key and the request');
  });

  it('is not looked for when the provider answered with a status', () => {
    const error = failed(coded('400 bad request', 'ECONNRESET'), 400);
    expect(error.isRetryable).toBe(false);
  });
});
