import type { CallOptions } from '../client/options.js';
import type { ResponseCache } from './response-cache.js';
import { DEFAULT_MAX_INPUT_ROUNDS, INPUT_REQUIRED_METHODS, withInputRounds, type InputHandlers } from '../modern/input-required.js';
import type { ExtensionRegistry } from '../extensions/extension-registry.js';
import type { RequestContext } from '../middleware/request-context.js';
import { isFinalResult, settleResultType } from './result-type.js';
import { isPromiseLike } from './guarded-store.js';

/** What one 2026-07-28 request needs from its client. */
export interface ModernRequestContext {
  /** Sends the request with these params (the envelope is added by the client). */
  send: (params: Record<string, unknown> | undefined) => Promise<Record<string, unknown>>;
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
 * (it answers one user's inputs, or a task's). A request the cache never holds (`tools/call`
 * above all) goes as a chain of continuations: no suspended frame while it is out, and no further
 * turn for a result that is final.
 */
export function modernRequest(
  context: ModernRequestContext,
  params: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  const cache = context.cache;
  if (cache === undefined || !cache.holds(context.where.method)) {
    return exchange(context, params, context.send).then((answered) => settled(context, params, answered));
  }
  return cachedRequest(context, cache, params);
}

/** `modernRequest` for a method the cache may hold: looked up first, and the fresh result kept. */
async function cachedRequest(
  context: ModernRequestContext,
  cache: ResponseCache,
  params: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  const { method } = context.where;
  // Taken before the lookup: an invalidation while the request is out makes its result stale.
  const generation = cache.generation(method);
  const lookup = cache.get(method, params, context.requestContext);
  // A synchronous store (the default) answers without a promise on the hot path.
  const cached = isPromiseLike(lookup) ? await lookup : lookup;
  if (cached !== undefined) return cached;
  let retried = false;
  const answered = await exchange(context, params, (sent) => {
    retried ||= sent !== params;
    return context.send(sent);
  });
  const result = await settled(context, params, answered);
  if (!retried && result === answered) cache.put(method, params, result, context.requestContext, generation);
  return result;
}

/** Sends the request, through the `input_required` rounds for the methods that may ask for input. */
function exchange(
  context: ModernRequestContext,
  params: Record<string, unknown> | undefined,
  send: (params: Record<string, unknown> | undefined) => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const { method, server } = context.where;
  if (!INPUT_REQUIRED_METHODS.has(method)) return send(params);
  const rounds = { method, server, signal: context.signal, maxRounds: context.maxRounds ?? DEFAULT_MAX_INPUT_ROUNDS };
  return withInputRounds(send, params ?? {}, context.handlers, rounds);
}

/** The answer with its `resultType` settled: itself, without a promise, when it is final. */
function settled(
  context: ModernRequestContext,
  params: Record<string, unknown> | undefined,
  answered: Record<string, unknown>,
): Record<string, unknown> | Promise<Record<string, unknown>> {
  if (isFinalResult(answered)) return answered;
  return settleResultType(answered, { where: context.where, params, options: context.options, extensions: context.extensions });
}
