import type { ResponseCache } from './response-cache.js';
import { DEFAULT_MAX_INPUT_ROUNDS, INPUT_REQUIRED_METHODS, withInputRounds, type InputHandlers } from '../modern/input-required.js';
import { checkResultType } from './result-type.js';

/** What one 2026-07-28 request needs from its client. */
export interface ModernRequestContext {
  /** Sends the request with these params (the envelope is added by the client). */
  send(params: Record<string, unknown> | undefined): Promise<Record<string, unknown>>;
  cache: ResponseCache | undefined;
  handlers: InputHandlers;
  where: { server: string | undefined; method: string };
  signal: AbortSignal | undefined;
  maxRounds: number | undefined;
}

/**
 * A 2026-07-28 request: served from the cache while fresh, else sent and taken through
 * the `input_required` rounds, with its `resultType` checked; a fresh result is cached
 * unless input rounds produced it (it answers one user's inputs).
 */
export async function modernRequest(
  context: ModernRequestContext,
  params: Record<string, unknown> | undefined,
): Promise<Record<string, unknown>> {
  const { method } = context.where;
  const cached = context.cache?.get(method, params);
  if (cached !== undefined) return cached;
  let retried = false;
  const result = INPUT_REQUIRED_METHODS.has(method)
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
  checkResultType(result, context.where);
  if (!retried) context.cache?.put(method, params, result);
  return result;
}
