import type { RequestMiddleware } from '@mcpx/core';
import type { ServerOptions } from '../config/types.js';
import { ToolDisabledError } from '../errors/tool-disabled-error.js';

/**
 * The middleware that applies a server's `disabledTools` and `includeTools`: `tools/list` leaves
 * out the tools they keep out, and a `tools/call` of one fails with `ToolDisabledError` before
 * anything is sent. Undefined when the server has neither.
 */
export function toolFilter(server: Pick<ServerOptions, 'name' | 'disabledTools' | 'includeTools'>): RequestMiddleware | undefined {
  const disabled = server.disabledTools === undefined ? undefined : new Set(server.disabledTools);
  const included = server.includeTools === undefined ? undefined : new Set(server.includeTools);
  if (disabled === undefined && included === undefined) return undefined;
  const refusal = (tool: string): ToolDisabledError['key'] | undefined => {
    if (disabled?.has(tool) === true) return 'disabledTools';
    if (included !== undefined && !included.has(tool)) return 'includeTools';
    return undefined;
  };
  return async (request, next) => {
    if (request.method === 'tools/call') {
      const tool = request.params?.name;
      const key = typeof tool === 'string' ? refusal(tool) : undefined;
      if (key !== undefined) throw new ToolDisabledError({ tool: tool as string, server: server.name, key });
      return next(request);
    }
    if (request.method !== 'tools/list') return next(request);
    const result = await next(request);
    const tools = result.tools;
    if (!Array.isArray(tools)) return result;
    return {
      ...result,
      tools: tools.filter((tool: { name?: unknown }) => typeof tool.name !== 'string' || refusal(tool.name) === undefined),
    };
  };
}
