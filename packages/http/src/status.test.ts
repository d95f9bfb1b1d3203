import type { JsonRpcMessage } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { isRetryableStatus, isSafeToRepeat, parseRetryAfter, retryDelay } from './status.js';

const request = (method: string): JsonRpcMessage => ({ jsonrpc: '2.0', id: 1, method });

describe('isSafeToRepeat', () => {
  it.each([
    'initialize',
    'ping',
    'tools/list',
    'resources/list',
    'resources/templates/list',
    'prompts/list',
    'resources/read',
    'prompts/get',
    'completion/complete',
    'logging/setLevel',
  ])('repeats %s', (method) => expect(isSafeToRepeat(request(method), false)).toBe(true));

  it('repeats notifications and responses', () => {
    expect(isSafeToRepeat({ jsonrpc: '2.0', method: 'notifications/initialized' }, false)).toBe(true);
    expect(isSafeToRepeat({ jsonrpc: '2.0', id: 3, result: {} }, false)).toBe(true);
  });

  it('repeats tools/call only when the caller opts in, and unknown methods never', () => {
    expect(isSafeToRepeat(request('tools/call'), false)).toBe(false);
    expect(isSafeToRepeat(request('tools/call'), true)).toBe(true);
    expect(isSafeToRepeat(request('tasks/create'), true)).toBe(false);
  });
});

describe('Retry-After', () => {
  it('reads delay seconds and HTTP dates', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });

  it('ignores what is absent or invalid', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('-1')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('is honoured up to the cap, and the backoff is used without it', () => {
    const plan = { attempt: 0, maxRetries: 2, backoff: (attempt: number) => 100 + attempt, maxRetryAfterMs: 5000 };
    expect(retryDelay(plan, '2')).toBe(2000);
    expect(retryDelay(plan, '3600')).toBe(5000);
    expect(retryDelay({ ...plan, attempt: 1 }, null)).toBe(101);
    expect(retryDelay({ ...plan, attempt: 2 }, '1')).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it('retries 429 and server failures that may heal', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 404, 409, 501, 505].some(isRetryableStatus)).toBe(false);
  });
});
