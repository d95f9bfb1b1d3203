import { ProtocolError } from '@mcpx/core';

/** `error.type` and, for an error the server answered, its JSON-RPC code. */
export interface ErrorDescription {
  type: string;
  statusCode?: string | undefined;
}

/**
 * How a failed request is described: a JSON-RPC error by its code (as the conventions say), any
 * other error by its class name (`RequestTimeoutError`, `CancelledError`...), else `_OTHER`.
 */
export function describeError(error: unknown): ErrorDescription {
  if (ProtocolError.isInstance(error)) {
    const code = String(error.code);
    return { type: code, statusCode: code };
  }
  if (error instanceof Error && error.name !== '') return { type: error.name };
  return { type: '_OTHER' };
}

/** Whether a raw `tools/call` result reports a tool error (`isError: true`): a failed call for telemetry. */
export function isToolError(method: string, result: Readonly<Record<string, unknown>>): boolean {
  return method === 'tools/call' && result.isError === true;
}
