import { ConfigError, ProtocolError, type CreateMessageRequestParams, type SamplingHandler } from '@mcpx/core';
import { raceAbort } from './abort.js';

/** What `approve` of a sampling handler is given besides the request. */
export type SamplingApproveContext = Parameters<SamplingHandler>[1];

/** Asks before a server's sampling request goes to the model; `false` refuses it. */
export type SamplingApproveFn = (params: CreateMessageRequestParams, context: SamplingApproveContext) => boolean | Promise<boolean>;

/** The default `maxTokens` of the sampling handlers. */
export const DEFAULT_SAMPLING_MAX_TOKENS = 4096;

/** `maxTokens` of a sampling handler's options, checked: a whole number of tokens, 1 or more. */
export function samplingTokenCap(maxTokens: number | undefined, where: string): number {
  const cap = maxTokens ?? DEFAULT_SAMPLING_MAX_TOKENS;
  if (!Number.isInteger(cap) || cap < 1)
    throw new ConfigError(`${where}: maxTokens must be a whole number of tokens, 1 or more (got ${cap})`);
  return cap;
}

/** Asks `approve`, given up when the server cancels; a refusal is the error -1 the server gets ("the user declined"). */
export async function approveSampling(
  approve: SamplingApproveFn | undefined,
  params: CreateMessageRequestParams,
  context: SamplingApproveContext,
): Promise<void> {
  if (approve === undefined) return;
  const approved = await raceAbort(Promise.resolve(approve(params, context)), context.signal, 'sampling approval');
  if (!approved) throw new ProtocolError({ code: -1, message: 'the user declined the sampling request' });
}
