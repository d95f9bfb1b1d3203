import { hasBrand } from '../internal.js';
import { LocalError } from '../index.js';
import type { LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.AppRequestRefusedError');

/**
 * Why the host refused to forward an app's request to the server (SEP-1865): the `method` is not
 * one an app may send to the server, its `params` lack what the method needs, the tool is
 * `unknown` to the server, or its `visibility` excludes apps.
 */
export type AppRequestRefusal = 'method' | 'params' | 'unknown' | 'visibility';

/** Options of an `AppRequestRefusedError`. */
export interface AppRequestRefusedErrorOptions extends LocalErrorOptions {
  /** The tool the app tried to call, for `tools/call`. */
  tool?: string | undefined;
}

/** An MCP App asked the host to forward a request that SEP-1865 does not let an app send; nothing was sent to the server. */
export class AppRequestRefusedError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'APP_REQUEST_REFUSED';
  /** Why it was refused. */
  readonly reason: AppRequestRefusal;
  /** The tool the app tried to call, for `tools/call`. */
  readonly tool: string | undefined;

  constructor(reason: AppRequestRefusal, message: string, options: AppRequestRefusedErrorOptions = {}) {
    super(message, options);
    this.name = 'AppRequestRefusedError';
    this.reason = reason;
    this.tool = options.tool;
  }

  /** True when `error` is an `AppRequestRefusedError`. */
  static override isInstance(error: unknown): error is AppRequestRefusedError {
    return hasBrand(error, brand);
  }
}
