import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.ModelRequestError');

/** A model provider refused or failed a request of the tool-use loop (after the SDK's own retries). */
export class ModelRequestError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'MODEL_REQUEST_FAILED';
  /** The provider asked. */
  readonly provider: string;
  /** The HTTP status of the provider's answer, when there was one. */
  readonly status: number | undefined;
  /** The loop's step (model turn, from 1) that failed. */
  readonly step: number;
  /** True for a rate limit (429) or a server error (5xx): the same request may succeed later. */
  override readonly isRetryable: boolean;

  /** `cause` is the SDK's error. */
  constructor(provider: string, model: string, step: number, status: number | undefined, options: LocalErrorOptions & { cause: unknown }) {
    const cause = options.cause instanceof Error ? options.cause.message : String(options.cause);
    const advice =
      status === 429
        ? 'the provider is rate limiting: wait, or raise the SDK client’s maxRetries so that it waits for retry-after'
        : status !== undefined && status >= 500
          ? 'the provider failed: retry later'
          : 'check the model name, the API key and the request';
    super(`${provider} model "${model}", step ${step}: the request failed (${cause}); ${advice}`, {
      ...options,
      operation: 'model request',
    });
    this.name = 'ModelRequestError';
    this.provider = provider;
    this.status = status;
    this.step = step;
    this.isRetryable = status === 429 || (status !== undefined && status >= 500);
  }

  /** True when `error` is a `ModelRequestError`. */
  static override isInstance(error: unknown): error is ModelRequestError {
    return hasBrand(error, brand);
  }
}
