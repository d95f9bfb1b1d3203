/** A JSON-RPC request id: a string or a number, never null. */
export type RequestId = string | number;

/** A JSON-RPC request. */
export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id: RequestId;
  method: string;
  params?: Record<string, unknown> | undefined;
}

/** A JSON-RPC notification: a request without an id, never answered. */
export interface JsonRpcNotification {
  jsonrpc: '2.0';
  method: string;
  params?: Record<string, unknown> | undefined;
}

/** A successful JSON-RPC response. */
export interface JsonRpcSuccess {
  jsonrpc: '2.0';
  id: RequestId;
  result: Record<string, unknown>;
}

/** The `error` member of a JSON-RPC error response. */
export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/** A JSON-RPC error response. The id is null only when the request could not be read. */
export interface JsonRpcErrorResponse {
  jsonrpc: '2.0';
  id: RequestId | null;
  error: JsonRpcErrorObject;
}

/** A JSON-RPC response, successful or not. */
export type JsonRpcResponse = JsonRpcSuccess | JsonRpcErrorResponse;

/** Any JSON-RPC 2.0 message. */
export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResponse;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is RequestId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Checks that `value` is a JSON-RPC 2.0 message and returns it typed, or returns a string
 * saying what is wrong with it. Hand-written rather than a schema: it runs on every message.
 */
export function checkMessage(value: unknown): JsonRpcMessage | string {
  if (!isObject(value)) return `expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`;
  if (value.jsonrpc !== '2.0') return 'the "jsonrpc" member must be "2.0"';
  if (value.params !== undefined && !isObject(value.params)) return 'the "params" member must be an object';
  if (typeof value.method === 'string') {
    if (!('id' in value)) return value as unknown as JsonRpcNotification;
    return isId(value.id) ? (value as unknown as JsonRpcRequest) : 'a request id must be a string or a number';
  }
  if ('method' in value) return 'the "method" member must be a string';
  if (!('id' in value)) return 'a message needs a "method" or an "id"';
  if ('result' in value) {
    if (!isId(value.id)) return 'a response id must be a string or a number';
    return isObject(value.result) ? (value as unknown as JsonRpcSuccess) : 'the "result" member must be an object';
  }
  if ('error' in value) {
    const error = value.error;
    if (value.id !== null && !isId(value.id)) return 'an error response id must be a string, a number or null';
    if (!isObject(error) || typeof error.code !== 'number' || typeof error.message !== 'string') {
      return 'the "error" member must have a numeric "code" and a string "message"';
    }
    return value as unknown as JsonRpcErrorResponse;
  }
  return 'a response needs a "result" or an "error"';
}

/** True for a request (has a method and an id). */
export function isRequest(message: JsonRpcMessage): message is JsonRpcRequest {
  return 'method' in message && 'id' in message;
}

/** True for a notification (has a method, no id). */
export function isNotification(message: JsonRpcMessage): message is JsonRpcNotification {
  return 'method' in message && !('id' in message);
}

/** True for a response, successful or not. */
export function isResponse(message: JsonRpcMessage): message is JsonRpcResponse {
  return !('method' in message);
}
