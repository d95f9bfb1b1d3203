import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { ExtensionRegistry } from '../extensions/extension-registry.js';

/** Most times one request's result may be handed from one extension result type to the next. */
const MAX_RESULT_TYPE_HOPS = 10;

/** What settling a result needs: where it came from, and the result types the client's extensions add. */
export interface ResultTypeSettling {
  where: { server: string | undefined; method: string };
  params: Record<string, unknown> | undefined;
  signal: AbortSignal | undefined;
  extensions: ExtensionRegistry;
}

/**
 * Settles a modern result's `resultType` once the multi round-trip rounds are over: `complete`
 * (or missing, which the 2026-07-28 schema tells clients to read as `complete`: results from
 * servers of earlier revisions omit it) is final; a type an extension added goes to that
 * extension's handler, whose result is settled in turn; anything else is refused.
 */
export async function settleResultType(result: Record<string, unknown>, settling: ResultTypeSettling): Promise<Record<string, unknown>> {
  const { where, params, signal, extensions } = settling;
  let current = result;
  for (let hop = 0; ; hop++) {
    const type = current.resultType;
    if (type === 'complete' || type === undefined) return current;
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
        `the result was still of type ${JSON.stringify(type)} after ${MAX_RESULT_TYPE_HOPS} extension handlers; giving up`,
        where,
      );
    current = await binding.handler(current, { method: where.method, params, signal, host: binding.host });
  }
}
