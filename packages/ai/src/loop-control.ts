import { CancelledError, ConfigError } from '@mcpx/core';
import { ModelRequestError } from './errors/model-request-error.js';

/** The default `maxSteps` of the tool-use loops. */
export const DEFAULT_MAX_STEPS = 10;

/** `maxSteps` of a loop's options, checked: a whole number of model turns, 1 or more. */
export function stepLimit(maxSteps: number | undefined, where: string): number {
  const steps = maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(steps) || steps < 1) {
    throw new ConfigError(`${where}: maxSteps must be a whole number of model turns, 1 or more (got ${steps})`);
  }
  return steps;
}

/** Throws the loop's `CancelledError` once `signal` has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, cause?: unknown): void {
  if (signal?.aborted !== true) return;
  throw new CancelledError("the caller's signal aborted", { cause: cause ?? signal.reason, operation: 'tool-use loop' });
}

/** What a model SDK's failed request becomes: `CancelledError` once `signal` aborted, else `ModelRequestError` with the HTTP status. */
export function modelRequestFailure(
  error: unknown,
  request: { provider: string; model: string; step: number; baseURL: string; signal: AbortSignal | undefined },
): Error {
  try {
    throwIfAborted(request.signal, error);
  } catch (cancelled) {
    return cancelled as Error;
  }
  const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;
  return new ModelRequestError(request.provider, request.model, request.step, status, { cause: error, baseURL: request.baseURL });
}
