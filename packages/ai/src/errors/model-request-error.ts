import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';
import { redactUrls } from '../failure-text.js';

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
  /** True for a rate limit (429), a server error (5xx), or no answer at all (the provider not reached, or a timeout): the same request may succeed later. */
  override readonly isRetryable: boolean;

  /** `cause` is the SDK's error; `baseURL` the SDK client's, named when the provider could not be reached. */
  constructor(
    provider: string,
    model: string,
    step: number,
    status: number | undefined,
    options: LocalErrorOptions & { cause: unknown; baseURL?: string | undefined },
  ) {
    const { baseURL, ...rest } = options;
    const cause = options.cause instanceof Error ? options.cause.message : String(options.cause);
    const name = errorName(options.cause);
    const unreached = status === undefined && (name === 'APIConnectionError' || name === 'APIConnectionTimeoutError');
    super(`${provider} model "${model}", step ${step}: the request failed (${cause}); ${advice(status, name, cause, baseURL)}`, {
      ...rest,
      operation: 'model request',
    });
    this.name = 'ModelRequestError';
    this.provider = provider;
    this.status = status;
    this.step = step;
    this.isRetryable = unreached || status === 429 || (status !== undefined && status >= 500);
  }

  /** True when `error` is a `ModelRequestError`. */
  static override isInstance(error: unknown): error is ModelRequestError {
    return hasBrand(error, brand);
  }
}

/** The SDK error's class name: the OpenAI SDK's errors keep the name `Error`, the Anthropic SDK's set theirs. */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return '';
  return error.name === 'Error' ? error.constructor.name : error.name;
}

/** What to do about a failed model request, from its status or the SDK error's name. */
function advice(status: number | undefined, name: string, message: string, baseURL: string | undefined): string {
  if (status === 429) return 'the provider is rate limiting: wait, or raise the SDK client’s maxRetries so that it waits for retry-after';
  if (status !== undefined && status >= 500) return 'the provider failed: retry later';
  if (name === 'APIConnectionTimeoutError') return 'the provider did not answer in time: retry, or raise the SDK client’s timeout';
  if (name === 'APIConnectionError')
    return `could not reach ${baseURL === undefined ? 'the provider' : redactUrls(baseURL)}: check the network and the SDK client’s baseURL; retry later`;
  if (message.includes('Streaming is required'))
    return 'this maxTokens needs a streamed request: leave stream on (the default) or lower maxTokens';
  return 'check the model name, the API key and the request';
}
