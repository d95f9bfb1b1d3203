import { CancelledError, ErrorCode, ProtocolError } from '@mcpx/core';
import { UnsupportedSchemaError } from './errors/unsupported-schema-error.js';
import { modelRequestFailure } from './loop-control.js';
import type { SamplingApproveContext } from './sampling-approval.js';

/**
 * Told, on the client, of a sampling request that failed there: the model request's
 * `ModelRequestError` (the provider's own words, which the server is not sent), an
 * `UnsupportedSchemaError` of a tool the server offered, or what `approve` threw. What it
 * throws is ignored.
 */
export type SamplingErrorFn = (error: Error, context: SamplingApproveContext) => void;

/** The model request a sampling handler sent: the provider, the model and the SDK client's base URL. */
export interface SamplingModelRequest {
  provider: string;
  model: string;
  baseURL: string;
}

/**
 * The error a sampling handler throws for `error`, which the server gets: a `ProtocolError` the
 * handler meant for it (the user declined, a tool name the model refuses) as it is; a tool
 * schema the provider refuses as -32602 naming the tool; anything else as -32603 saying what
 * failed without the model SDK's text, which may hold the API key's last characters, the
 * organisation or the base URL. `onError` is told first, of the whole error (a failed
 * `request` as `ModelRequestError`).
 */
export function samplingFailure(
  error: unknown,
  context: SamplingApproveContext,
  onError: SamplingErrorFn | undefined,
  request: SamplingModelRequest | undefined,
): Error {
  if (ProtocolError.isInstance(error) || CancelledError.isInstance(error)) return error;
  const local =
    request === undefined
      ? error instanceof Error
        ? error
        : new Error(String(error))
      : modelRequestFailure(error, { ...request, step: 1, signal: context.signal });
  if (CancelledError.isInstance(local)) return local;
  try {
    onError?.(local, context);
  } catch {
    // What onError throws is not sent either: the server gets the answer below.
  }
  if (UnsupportedSchemaError.isInstance(local))
    return new ProtocolError({ code: ErrorCode.InvalidParams, message: `sampling/createMessage: ${local.message}` });
  const what = request === undefined ? 'the client could not ask its model' : 'the model request failed';
  return new ProtocolError({ code: ErrorCode.InternalError, message: `sampling/createMessage: ${what}` });
}
