import type { CallOptions } from '../client/options.js';
import type { ResponseCache } from './response-cache.js';
import { DEFAULT_MAX_INPUT_ROUNDS, INPUT_REQUIRED_METHODS, withInputRounds, type InputHandlers } from '../modern/input-required.js';
import type { ExtensionRegistry } from '../extensions/extension-registry.js';
import type { RequestContext } from '../middleware/request-context.js';
import { settleResultType } from './result-type.js';
import { isPromiseLike } from './guarded-store.js';

/** What one 2026-07-28 request needs from its client. */
export interface ModernRequestContext {
  /** Sends the request with these params (the envelope is added by the client). */
  send(params: Record<string, unknown> | undefined): Promise<Record<string, unknown>>;
  cache: ResponseCache | undefined;
  handlers: InputHandlers;
  where: { server: string | undefined; method: string };
  signal: AbortSignal | undefined;
  /** The request context it is sent with (the client's merged with the call's): cached results are kept per context. */
  requestContext: RequestContext | undefined;
  /** The options of the call. */
  options: CallOptions;
  maxRounds: number | undefined;
  /** The result types the client's extensions add. */
  extensions: ExtensionRegistry;
}

/**
 * A 2026-07-28 request: served from the cache while fresh, else sent and taken through the
 * `input_required` rounds, with its `resultType` settled (by the extension that adds it, when it
 * is not `complete`); a fresh result is cached unless input rounds or an extension produced it
 * (it answers one user's inputs, or a task's).
 */
export async function modernRequest(
  context: ModernRequestContext,
  params: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  const { method } = context.where;
  // Taken before the lookup: an invalidation while the request is out makes its result stale.
  const generation = context.cache?.generation(method);
  const lookup = context.cache?.get(method, params, context.requestContext);
  // A synchronous store (the default) answers without a promise on the hot path.
  const cached = isPromiseLike(lookup) ? await lookup : lookup;
  if (cached !== undefined) return cached;
  let retried = false;
  const answered = INPUT_REQUIRED_METHODS.has(method)
    ? await withInputRounds(
        (sent) => {
          retried ||= sent !== params;
          return context.send(sent);
        },
        params ?? {},
        context.handlers,
        { ...context.where, signal: context.signal, maxRounds: context.maxRounds ?? DEFAULT_MAX_INPUT_ROUNDS },
      )
    : await context.send(params);
  const result = await settleResultType(answered, {
    where: context.where,
    params,
    options: context.options,
    extensions: context.extensions,
  });
  if (!retried && result === answered) context.cache?.put(method, params, result, context.requestContext, generation);
  return result;
}
