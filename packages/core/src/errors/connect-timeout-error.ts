import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';
import { DEFAULT_SETTING_NAMES } from './setting-names.js';

const brand: unique symbol = Symbol.for('mcpx.error.ConnectTimeoutError');

/** Options of a `ConnectTimeoutError`. */
export interface ConnectTimeoutErrorOptions extends Omit<LocalErrorOptions, 'server'> {
  /** The setting that set the limit, as the caller's interface names it. @default '`connectTimeoutMs`' */
  setting?: string | undefined;
}

/** Connecting (starting the transport and the handshake) did not complete in time; the attempt was given up. */
export class ConnectTimeoutError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'CONNECT_TIMEOUT';
  override readonly isRetryable = true;
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;
  /** The setting to raise, as the message names it: an option, a config key or a command-line flag. */
  readonly setting: string;

  constructor(server: string | undefined, timeoutMs: number, options: ConnectTimeoutErrorOptions = {}) {
    const setting = options.setting ?? DEFAULT_SETTING_NAMES.connectTimeoutMs;
    super(`did not connect within ${timeoutMs} ms; check that the server starts, or raise ${setting} if it is just slow`, {
      ...options,
      server,
    });
    this.name = 'ConnectTimeoutError';
    this.timeoutMs = timeoutMs;
    this.setting = setting;
  }

  /** True when `error` is a `ConnectTimeoutError`. */
  static override isInstance(error: unknown): error is ConnectTimeoutError {
    return hasBrand(error, brand);
  }
}
