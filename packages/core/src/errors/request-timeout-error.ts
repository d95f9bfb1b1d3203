import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';
import { DEFAULT_SETTING_NAMES } from './setting-names.js';

const brand: unique symbol = Symbol.for('mcpx.error.RequestTimeoutError');

/** Options of a `RequestTimeoutError`. */
export interface RequestTimeoutErrorOptions extends LocalErrorOptions {
  /** The setting that set the limit, as the caller's interface names it. @default the `McpClient` option for `kind` */
  setting?: string | undefined;
}

/** A request got no response in time. */
export class RequestTimeoutError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'REQUEST_TIMEOUT';
  override readonly isRetryable = true;
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;
  /** `'idle'` for the per-request timeout, `'total'` for `maxTotalTimeoutMs`. */
  readonly kind: 'idle' | 'total';
  /** The setting to raise, as the message names it: an option, a config key or a command-line flag. */
  readonly setting: string;

  constructor(timeoutMs: number, kind: 'idle' | 'total', options: RequestTimeoutErrorOptions = {}) {
    const what = kind === 'idle' ? 'no response' : 'no final response';
    const setting = options.setting ?? (kind === 'idle' ? DEFAULT_SETTING_NAMES.requestTimeoutMs : DEFAULT_SETTING_NAMES.maxTotalTimeoutMs);
    super(`${what} within ${timeoutMs} ms; raise ${setting} if the server is just slow`, options);
    this.name = 'RequestTimeoutError';
    this.timeoutMs = timeoutMs;
    this.kind = kind;
    this.setting = setting;
  }

  /** True when `error` is a `RequestTimeoutError`. */
  static override isInstance(error: unknown): error is RequestTimeoutError {
    return hasBrand(error, brand);
  }
}
