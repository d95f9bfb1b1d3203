import type { CallOptions } from '../client/options.js';
import type { ResponseCache } from './response-cache.js';
import {
  DEFAULT_MAX_INPUT_ROUNDS,
  INPUT_REQUIRED_METHODS,
  inputRounds,
  type InputHandlers,
  type InputRoundsContext,
} from '../modern/input-required.js';
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
 * (it answers one user's inputs, or a task's). Resolves with what `finish` makes of the result
 * (the session parses it). A request the cache never holds (`tools/call` above all) goes as one
 * continuation: no suspended frame while it is out, and, for a result that is final, the rounds
 * check, the settling and `finish` all run in it.
 */
export function modernRequest<T>(
  context: ModernRequestContext,
  params: Record<string, unknown> | undefined,
  finish: (result: Record<string, unknown>) => T | PromiseLike<T>,
): Promise<T> {
  const cache = context.cache;
  if (cache === undefined || !cache.holds(context.where.method)) {
    return context.send(firstParams(context, params)).then((first) => then(afterFirstAnswer(context, params, first, context.send), finish));
  }
  return cachedRequest(context, cache, params, finish);
}

/** `modernRequest` for a method the cache may hold: looked up first, and the fresh result kept. */
async function cachedRequest<T>(
  context: ModernRequestContext,
  cache: ResponseCache,
  params: Record<string, unknown> | undefined,
  finish: (result: Record<string, unknown>) => T | PromiseLike<T>,
): Promise<T> {
  const { method } = context.where;
  // Taken before the lookup: an invalidation while the request is out makes its result stale.
  const generation = cache.generation(method);
  const lookup = cache.get(method, params, context.requestContext);
  // A synchronous store (the default) answers without a promise on the hot path.
  const cached = isPromiseLike(lookup) ? await lookup : lookup;
  if (cached !== undefined) return finish(cached);
  let retried = false;
  const send = (sent: Record<string, unknown> | undefined): Promise<Record<string, unknown>> => {
    retried ||= sent !== params;
    return context.send(sent);
  };
  const first = await send(firstParams(context, params));
  const result = await afterFirstAnswer(context, params, first, send);
  if (!retried && result === first) cache.put(method, params, result, context.requestContext, generation);
  return finish(result);
}

/** The params a request is first sent with: a method that may ask for input gets an object, which its rounds extend. */
function firstParams(context: ModernRequestContext, params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return INPUT_REQUIRED_METHODS.has(context.where.method) ? (params ?? {}) : params;
}

/**
 * The result of a request from its first answer: the `input_required` rounds it asks for (each
 * sent with `send`), then its `resultType` settled. A final first answer (nearly every one) is
 * the result itself, without a promise.
 */
function afterFirstAnswer(
  context: ModernRequestContext,
  params: Record<string, unknown> | undefined,
  first: Record<string, unknown>,
  send: (params: Record<string, unknown>) => Promise<Record<string, unknown>>,
): Record<string, unknown> | Promise<Record<string, unknown>> {
  if (first.resultType === 'input_required' && INPUT_REQUIRED_METHODS.has(context.where.method)) {
    return inputRounds(send, params ?? {}, context.handlers, roundsOf(context), first).then((answered) =>
      settled(context, params, answered),
    );
  }
  return settled(context, params, first);
}

/** `then` applied to a value or a promise of it: at once, without a promise, for a value. */
function then<T>(
  value: Record<string, unknown> | Promise<Record<string, unknown>>,
  next: (value: Record<string, unknown>) => T | PromiseLike<T>,
): T | PromiseLike<T> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Where the input rounds of a request go, and how many it may take. */
function roundsOf(context: ModernRequestContext): InputRoundsContext {
  const { method, server } = context.where;
  return { method, server, signal: context.signal, maxRounds: context.maxRounds ?? DEFAULT_MAX_INPUT_ROUNDS };
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
