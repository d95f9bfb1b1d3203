import type { JsonRpcMessage, JsonRpcNotification, JsonRpcRequest } from '@mcpx/core';
import { PROTOCOL_VERSION_KEY } from '@mcpx/core/internal';
import type { HeaderRecord } from '../headers.js';
import { POST_HEADERS } from '../session.js';
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

/** How many header records `ModernPostHeaders` keeps before it starts again. */
const MAX_KEPT = 64;

/**
 * The headers a 2026-07-28 POST carries: `MCP-Protocol-Version` (the version in `_meta`),
 * `Mcp-Method`, `Mcp-Name` for `tools/call`, `resources/read`, `prompts/get` and the tasks
 * extension's `tasks/get`, `tasks/update`, `tasks/cancel` (their `taskId`), an `Mcp-Param-{name}`
 * header for each mirrored tool argument the client gave with the message, and the `Accept` and
 * `Content-Type` of every POST.
 *
 * A message without mirrored arguments gets a record kept for its version, method and name: the
 * calls of one tool share one, which the HTTP client merges with the configured headers once
 * rather than per call. The records are kept by version, then method, then name, so that finding
 * one makes no key string (joining the three cost a concatenation, its flattening and hashing,
 * and a string comparison a call). Kept records are never changed; at most `MAX_KEPT` are held,
 * then the transport starts again from none.
 */
export class ModernPostHeaders {
  readonly #kept = new Map<string, Map<string, Map<string | undefined, HeaderRecord>>>();
  #keptCount = 0;

  /**
   * The headers of the POST of `message`, of revision `version`, with `parameters` (the mirrored
   * tool arguments, header name to value) as `Mcp-Param-*` headers. The record may be shared with
   * other messages: do not change it.
   */
  of(
    message: JsonRpcRequest | JsonRpcNotification,
    version: string,
    parameters: Readonly<Record<string, string>> | undefined,
  ): HeaderRecord {
    const name = nameOf(message);
    const { method } = message;
    if (parameters !== undefined && hasAny(parameters)) return postHeaders(method, version, name, parameters);
    const kept = this.#kept.get(version)?.get(method)?.get(name);
    if (kept !== undefined) return kept;
    if (this.#keptCount >= MAX_KEPT) {
      this.#kept.clear();
      this.#keptCount = 0;
    }
    const headers = postHeaders(method, version, name, undefined);
    this.#namesOf(version, method).set(name, headers);
    this.#keptCount++;
    return headers;
  }

  /** The records kept for `method` of `version`, by name; made when there are none. */
  #namesOf(version: string, method: string): Map<string | undefined, HeaderRecord> {
    let methods = this.#kept.get(version);
    if (methods === undefined) this.#kept.set(version, (methods = new Map<string, Map<string | undefined, HeaderRecord>>()));
    let names = methods.get(method);
    if (names === undefined) methods.set(method, (names = new Map<string | undefined, HeaderRecord>()));
    return names;
  }
}

/** What the message's `Mcp-Name` comes from, when its method carries one and it is a string. */
function nameOf(message: JsonRpcRequest | JsonRpcNotification): string | undefined {
  const source = NAME_SOURCES[message.method];
  const name = source === undefined ? undefined : message.params?.[source];
  return typeof name === 'string' ? name : undefined;
}

function hasAny(record: Readonly<Record<string, string>>): boolean {
  for (const _ in record) return true;
  return false;
}

function postHeaders(
  method: string,
  version: string,
  name: string | undefined,
  parameters: Readonly<Record<string, string>> | undefined,
): HeaderRecord {
  const headers: HeaderRecord = { 'mcp-protocol-version': version, 'mcp-method': method };
  if (name !== undefined) headers['mcp-name'] = encodeHeaderValue(name);
  if (parameters !== undefined) {
    for (const [parameter, value] of Object.entries(parameters)) headers[`mcp-param-${parameter.toLowerCase()}`] = encodeHeaderValue(value);
  }
  return Object.assign(headers, POST_HEADERS);
}
