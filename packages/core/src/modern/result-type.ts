import { InvalidResponseError } from '../errors/invalid-response-error.js';

/**
 * Checks a modern result's `resultType` once the multi round-trip rounds are over: it must
 * be `complete`. A missing one counts as `complete`, as the 2026-07-28 schema requires of
 * clients (results from servers of earlier revisions omit it).
 */
export function checkResultType(result: Record<string, unknown>, where: { server: string | undefined; method: string }): void {
  const type = result.resultType;
  if (type === 'complete' || type === undefined) return;
  if (type === 'input_required')
    throw new InvalidResponseError(`the server asked for input on ${where.method}, which does not allow it`, where);
  throw new InvalidResponseError(`unknown resultType ${JSON.stringify(type)}`, where);
}
