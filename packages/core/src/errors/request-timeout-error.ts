import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.RequestTimeoutError');

/** A request got no response in time. */
export class RequestTimeoutError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'REQUEST_TIMEOUT';
  override readonly isRetryable = true;
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;
  /** `'idle'` for the per-request timeout, `'total'` for `maxTotalTimeout`. */
  readonly kind: 'idle' | 'total';

  constructor(timeoutMs: number, kind: 'idle' | 'total', options: LocalErrorOptions = {}) {
    const what = kind === 'idle' ? 'no response' : 'no final response';
    const knob = kind === 'idle' ? '`timeout`' : '`maxTotalTimeout`';
    super(`${what} within ${timeoutMs} ms; raise ${knob} in the request options if the server is just slow`, options);
    this.name = 'RequestTimeoutError';
    this.timeoutMs = timeoutMs;
    this.kind = kind;
  }

  /** True when `error` is a `RequestTimeoutError`. */
  static override isInstance(error: unknown): error is RequestTimeoutError {
    return hasBrand(error, brand);
  }
}
