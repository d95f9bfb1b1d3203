import type { InboundRequestContext } from '../jsonrpc/dispatch.js';
import type { ElicitRequestParams, ElicitResult } from '../types/index.js';
import type { ElicitationCompletions } from './elicitation-completions.js';
import type { McpClientOptions } from './options.js';

/** The handlers that answer elicitations. */
export type ElicitationHandlers = Pick<McpClientOptions, 'elicitation' | 'urlElicitation'>;

/** What answering one elicitation needs besides its params. */
export interface ElicitationAnswering {
  handlers: ElicitationHandlers;
  context: InboundRequestContext;
  /** Where completion notifications are correlated (2025-11-25); undefined when the era has none. */
  completions: ElicitationCompletions | undefined;
  /** The error for a mode this client has no handler for, and so did not declare. */
  missing(mode: 'form' | 'url'): Error;
}

/**
 * Answers an elicitation by its mode: a URL goes to `urlElicitation` (with a wait for its
 * completion notification while the handler runs), a form (`mode` absent or `form`) to
 * `elicitation`, its result filled with the schema's defaults.
 */
export async function answerElicitation(params: ElicitRequestParams, answering: ElicitationAnswering): Promise<ElicitResult> {
  const { handlers, context, completions } = answering;
  if (params.mode === 'url') {
    if (!handlers.urlElicitation) throw answering.missing('url');
    const id = (params as { elicitationId?: unknown }).elicitationId;
    const wait = typeof id === 'string' ? completions?.wait(id) : undefined;
    try {
      const elicitation = { message: params.message, url: params.url, ...(typeof id === 'string' ? { elicitationId: id } : {}) };
      const { action } = await handlers.urlElicitation(elicitation, { ...context, completion: wait?.completion, retry: false });
      return { action };
    } finally {
      wait?.release();
    }
  }
  if (!handlers.elicitation) throw answering.missing('form');
  return withDefaults(params, await handlers.elicitation(params, context));
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
