import type { Attributes } from '@opentelemetry/api';
import type { OutgoingRequest } from '@mcpx/core';

/**
 * The attribute names of OpenTelemetry's semantic conventions for MCP (development status,
 * `@opentelemetry/semantic-conventions` 1.45 incubating, now kept in the GenAI conventions), the
 * few generic ones MCP spans carry, and mcpx's own for tasks (`mcpx.*`: the conventions have none),
 * on the spans of a call that became a task and of the requests that drive it.
 */
export const MCP_ATTRIBUTES = {
  methodName: 'mcp.method.name',
  sessionId: 'mcp.session.id',
  protocolVersion: 'mcp.protocol.version',
  resourceUri: 'mcp.resource.uri',
  requestId: 'jsonrpc.request.id',
  toolName: 'gen_ai.tool.name',
  promptName: 'gen_ai.prompt.name',
  operationName: 'gen_ai.operation.name',
  errorType: 'error.type',
  statusCode: 'rpc.response.status_code',
  taskId: 'mcpx.task.id',
  taskStatus: 'mcpx.task.status',
} as const;

/** Methods whose params name a resource by `uri`. */
const RESOURCE_METHODS: ReadonlySet<string> = new Set(['resources/read', 'resources/subscribe', 'resources/unsubscribe']);

/** The low-cardinality target of a request's span name and metrics: the tool's or the prompt's name. */
export function requestTarget(request: Pick<OutgoingRequest, 'method' | 'params'>): string | undefined {
  if (request.method !== 'tools/call' && request.method !== 'prompts/get') return undefined;
  const name = request.params?.name;
  return typeof name === 'string' ? name : undefined;
}

/** The span name the conventions give: `{mcp.method.name} {target}`, or the method alone. */
export function spanName(method: string, target: string | undefined): string {
  return target === undefined ? method : `${method} ${target}`;
}

/** The attributes a request's span and its duration share: method, tool or prompt name, operation. */
export function operationAttributes(method: string, target: string | undefined): Attributes {
  const attributes: Attributes = { [MCP_ATTRIBUTES.methodName]: method };
  if (target === undefined) return attributes;
  if (method === 'tools/call') {
    attributes[MCP_ATTRIBUTES.toolName] = target;
    attributes[MCP_ATTRIBUTES.operationName] = 'execute_tool';
  } else {
    attributes[MCP_ATTRIBUTES.promptName] = target;
  }
  return attributes;
}

/** The resource URI of a request that names one (span only: too many values for a metric). */
export function resourceUri(request: Pick<OutgoingRequest, 'method' | 'params'>): string | undefined {
  if (!RESOURCE_METHODS.has(request.method)) return undefined;
  const uri = request.params?.uri;
  return typeof uri === 'string' ? uri : undefined;
}
