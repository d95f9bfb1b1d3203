import type { JsonRpcEngine } from '../jsonrpc/engine.js';
import type { ElicitRequestParams, ElicitResult } from '../types/index.js';
import { ProtocolError, ErrorCode } from '../errors/protocol-error.js';
import type { McpClientOptions } from './options.js';
import { loadSchemas } from './schema-loader.js';

/** Registers the server-to-client request handlers the options provide. */
export function installInboundHandlers(engine: JsonRpcEngine, options: McpClientOptions): void {
  engine.setRequestHandler('ping', () => ({}));
  const { sampling, elicitation, roots } = options;
  if (sampling) {
    engine.setRequestHandler('sampling/createMessage', async (params, context) => {
      const parsed = (await loadSchemas()).CreateMessageRequestParamsSchema.safeParse(params);
      if (!parsed.success) throw invalidParams('sampling/createMessage', parsed.error.message);
      return await sampling(parsed.data, context);
    });
  }
  if (elicitation) {
    engine.setRequestHandler('elicitation/create', async (params, context) => {
      const parsed = (await loadSchemas()).ElicitRequestParamsSchema.safeParse(params);
      if (!parsed.success) throw invalidParams('elicitation/create', parsed.error.message);
      return withDefaults(parsed.data, await elicitation(parsed.data, context));
    });
  }
  if (roots) {
    engine.setRequestHandler('roots/list', async (_params, context) => ({ roots: await roots(context) }));
  }
}

function invalidParams(method: string, detail: string): ProtocolError {
  return new ProtocolError({ code: ErrorCode.InvalidParams, message: `invalid ${method} params: ${detail}` });
}

/** Fills fields an accepted form leaves out with the defaults of the requested schema. */
export function withDefaults(params: ElicitRequestParams, result: ElicitResult): ElicitResult {
  if (result.action !== 'accept' || !('requestedSchema' in params) || params.requestedSchema === undefined) return result;
  const properties = (params.requestedSchema as { properties?: Record<string, { default?: unknown }> }).properties ?? {};
  const content: Record<string, unknown> = { ...(result.content ?? {}) };
  for (const [key, property] of Object.entries(properties)) {
    if (content[key] === undefined && property.default !== undefined) content[key] = property.default;
  }
  return { ...result, content: content as ElicitResult['content'] };
}
