import type { JsonRpcMessage, JsonRpcNotification, JsonRpcRequest } from '@mcpx/core';
import { PROTOCOL_VERSION_KEY } from '@mcpx/core/internal';
import type { HeaderRecord } from '../headers.js';
import { encodeHeaderValue } from './header-value.js';

/**
 * Where `Mcp-Name` comes from, for the methods that carry it: SEP-2243, and SEP-2663 for the tasks
 * extension's methods, routed by their task so that a load balancer finds the instance holding it.
 */
const NAME_SOURCES: Readonly<Record<string, 'name' | 'uri' | 'taskId'>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
  'tasks/get': 'taskId',
  'tasks/update': 'taskId',
  'tasks/cancel': 'taskId',
};

/**
 * The revision of a 2026-07-28-era message: the `io.modelcontextprotocol/protocolVersion`
 * its `params._meta` carries. Undefined for legacy messages and for responses.
 */
export function modernVersion(message: JsonRpcMessage): string | undefined {
  if (!('method' in message)) return undefined;
  const meta = message.params?._meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const version: unknown = (meta as Record<string, unknown>)[PROTOCOL_VERSION_KEY];
  return typeof version === 'string' ? version : undefined;
}

/**
 * The headers a 2026-07-28 POST carries: `MCP-Protocol-Version` (the version in `_meta`),
 * `Mcp-Method`, `Mcp-Name` for `tools/call`, `resources/read`, `prompts/get` and the tasks
 * extension's `tasks/get`, `tasks/update`, `tasks/cancel` (their `taskId`), and an
 * `Mcp-Param-{name}` header for each mirrored tool argument the client gave with the message.
 */
export function modernHeaders(
  message: JsonRpcRequest | JsonRpcNotification,
  version: string,
  parameters: Readonly<Record<string, string>> | undefined,
): HeaderRecord {
  const headers: HeaderRecord = { 'mcp-protocol-version': version, 'mcp-method': message.method };
  const source = NAME_SOURCES[message.method];
  const name = source === undefined ? undefined : message.params?.[source];
  if (typeof name === 'string') headers['mcp-name'] = encodeHeaderValue(name);
  if (parameters !== undefined) {
    for (const [parameter, value] of Object.entries(parameters)) headers[`mcp-param-${parameter.toLowerCase()}`] = encodeHeaderValue(value);
  }
  return headers;
}
