import type { CallOptions } from '../client/options.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { ExtensionHost } from '../extensions/extension.js';
import type { ExtensionRegistry } from '../extensions/extension-registry.js';
import { mergeContext } from '../middleware/request-context.js';

/** Most times one request's result may be handed from one extension result type to the next, nested requests included. */
const MAX_RESULT_TYPE_HOPS = 10;

/**
 * How many extension handlers a request was made from, carried in the options of the requests
 * a handler sends through its host: the result of such a request is settled in turn, possibly by
 * the same handler, so without it the hop limit would restart at every level and a server that
 * never stops answering with an extension's type would nest handlers without end.
 */
const HANDLER_DEPTH: unique symbol = Symbol.for('mcpx.resultTypeDepth');

type DepthOptions = CallOptions & { [HANDLER_DEPTH]?: number };

/** What settling a result needs: where it came from, and the result types the client's extensions add. */
export interface ResultTypeSettling {
  where: { server: string | undefined; method: string };
  params: Record<string, unknown> | undefined;
  /** The options of the call: the handlers' follow-up requests take them, and they tell how deep in handlers the call was made. */
  options: CallOptions;
  extensions: ExtensionRegistry;
}

/**
 * Whether `result` needs no settling: its `resultType` is `complete` or missing. Nearly every
 * result is, and the hot path tells so without a promise.
 */
export function isFinalResult(result: Record<string, unknown>): boolean {
  const type = result.resultType;
  return type === 'complete' || type === undefined;
}

/**
 * Settles a modern result's `resultType` once the multi round-trip rounds are over: `complete`
 * (or missing, which the 2026-07-28 schema tells clients to read as `complete`: results from
 * servers of earlier revisions omit it) is final; a type an extension added goes to that
 * extension's handler, whose result is settled in turn; anything else is refused. Handlers run
 * at most `MAX_RESULT_TYPE_HOPS` deep, counting those that made the request: a handler may poll
 * any number of times, but not nest without end.
 */
export async function settleResultType(result: Record<string, unknown>, settling: ResultTypeSettling): Promise<Record<string, unknown>> {
  const { where, params, options, extensions } = settling;
  let current = result;
  for (let hop = (options as DepthOptions)[HANDLER_DEPTH] ?? 0; ; hop++) {
    if (isFinalResult(current)) return current;
    const type = current.resultType;
    if (type === 'input_required')
      throw new InvalidResponseError(`the server asked for input on ${where.method}, which does not allow it`, where);
    const binding = typeof type === 'string' ? extensions.resultType(type) : undefined;
    if (binding === undefined) {
      throw new InvalidResponseError(
        `unknown resultType ${JSON.stringify(type)}: no registered extension handles it (register the extension that adds it in \`extensions\`)`,
        where,
      );
    }
    if (hop >= MAX_RESULT_TYPE_HOPS)
      throw new InvalidResponseError(
        `the result was still of type ${JSON.stringify(type)} after ${MAX_RESULT_TYPE_HOPS} nested extension handlers; giving up (the server keeps answering with it)`,
        where,
      );
    const host = followUpHost(binding.host, options, hop + 1);
    current = await binding.handler(current, { method: where.method, params, signal: options.signal, options, host });
  }
}

/**
 * The host a handler gets: its requests take the caller's options under the handler's own (the
 * caller's `onid`, `task` and `onTask` aside, which belong to its request alone), and carry the
 * depth they are made at.
 */
function followUpHost(host: ExtensionHost, call: CallOptions, depth: number): ExtensionHost {
  const { onid: _callerOnly, task: _callOnly, onTask: _callTaskOnly, ...inherited } = call;
  return {
    ...host,
    request: (method, params, options = {}) => {
      const context = mergeContext(inherited.context, options.context);
      const nested: DepthOptions = { ...inherited, ...options, ...(context === undefined ? {} : { context }), [HANDLER_DEPTH]: depth };
      return host.request(method, params, nested);
    },
  };
}
