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
    const failure = status === undefined ? noAnswer(options.cause) : undefined;
    const unreached = failure !== undefined;
    super(`${provider} model "${model}", step ${step}: the request failed (${cause}); ${advice(status, failure, cause, baseURL)}`, {
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

/** Error codes of a connection that timed out. */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Error codes of a provider not reached: refused, unknown host, dropped connection. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

/** The names and codes of `error` and its causes (at most a few deep). */
function namesAndCodes(error: unknown): string[] {
  const found: string[] = [];
  for (let at = error, depth = 0; typeof at === 'object' && at !== null && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    const { name, code, constructor } = at as { name?: unknown; code?: unknown; constructor?: { _errorName?: unknown } };
    // The Anthropic SDK names its classes in `_errorName`, which a minifier keeps; class names it renames.
    for (const value of [name, code, constructor?._errorName]) if (typeof value === 'string') found.push(value);
  }
  return found;
}

/**
 * Why a request with no HTTP answer got none, from the SDK error without its class name (which a
 * minifier renames): `'timeout'`, `'unreached'` (a connection error of either SDK, or a cause
 * such as ECONNREFUSED, ENOTFOUND or ECONNRESET), or undefined.
 */
function noAnswer(error: unknown): 'timeout' | 'unreached' | undefined {
  const found = namesAndCodes(error);
  const message = error instanceof Error ? error.message : '';
  if (found.includes('APIConnectionTimeoutError') || message === 'Request timed out.' || found.some((code) => TIMEOUT_CODES.has(code)))
    return 'timeout';
  if (
    found.includes('APIConnectionError') ||
    message === 'Connection error.' ||
    message.startsWith('Connection to ') ||
    found.some((code) => CONNECTION_CODES.has(code))
  )
    return 'unreached';
  return undefined;
}

/** What to do about a failed model request, from its status or why it got no answer. */
function advice(
  status: number | undefined,
  failure: 'timeout' | 'unreached' | undefined,
  message: string,
  baseURL: string | undefined,
): string {
  if (status === 429) return 'the provider is rate limiting: wait, or raise the SDK client’s maxRetries so that it waits for retry-after';
  if (status !== undefined && status >= 500) return 'the provider failed: retry later';
  if (failure === 'timeout') return 'the provider did not answer in time: retry, or raise the SDK client’s timeout';
  if (failure === 'unreached')
    return `could not reach ${baseURL === undefined ? 'the provider' : redactUrls(baseURL)}: check the network and the SDK client’s baseURL; retry later`;
  if (message.includes('Streaming is required'))
    return 'this maxTokens needs a streamed request: leave stream on (the default) or lower maxTokens';
  return 'check the model name, the API key and the request';
}
