import { InvalidResponseError } from '../errors/invalid-response-error.js';

/**
 * Checks a modern result's `resultType`: required from a 2026-07-28 server (legacy results
 * without it count as complete and never reach this check), and `complete` once the
 * multi round-trip rounds are over.
 */
export function checkResultType(result: Record<string, unknown>, where: { server: string | undefined; method: string }): void {
  const type = result.resultType;
  if (type === 'complete') return;
  if (type === undefined) throw new InvalidResponseError('the result has no resultType, which 2026-07-28 servers must send', where);
  if (type === 'input_required') throw new InvalidResponseError(`the server asked for input on ${where.method}, which does not allow it`, where);
  throw new InvalidResponseError(`unknown resultType ${JSON.stringify(type)}`, where);
}
