import { ConnectionClosedError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { closeCodeError } from './close-codes.js';

const scope = { target: 'ws://127.0.0.1:1/mcp', server: 'gateway' };

describe('closeCodeError', () => {
  it.each([1000, 1001, 1005, 1006, 1012, 2999])('reports %i as a plain, retryable end of the connection', (code) => {
    const error = closeCodeError(code, '', scope);
    expect(ConnectionClosedError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain(`with code ${code}`);
  });

  it.each([1011, 1013, 1014])('reports %i as a server failure that a new connection may get past', (code) => {
    const error = closeCodeError(code, '', scope);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(true);
  });

  it.each([1002, 1003, 1007, 1008, 1009, 1010, 1015, 3000, 4000, 4401, 4999])('reports %i as a failure not worth retrying', (code) => {
    const error = closeCodeError(code, '', scope);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
  });

  it('names the code, its meaning, the reason, the URL and the server', () => {
    const error = closeCodeError(1008, 'token expired', scope);
    expect(error.message).toBe(
      'server "gateway": the WebSocket to ws://127.0.0.1:1/mcp was closed with code 1008 (policy violation), reason "token expired"; the server refused this client; check its credentials and the server policy',
    );
    expect(error).toMatchObject({ server: 'gateway', target: scope.target });
  });

  it('calls codes of 3000 to 4999 application-defined', () => {
    expect(closeCodeError(4321, 'kicked', scope).message).toContain('code 4321 (application-defined), reason "kicked"');
  });
});
