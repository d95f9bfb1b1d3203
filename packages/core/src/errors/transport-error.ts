import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.TransportError');

/** Options of a `TransportError`. */
export interface TransportErrorOptions extends LocalErrorOptions {
  /** Whether a new attempt or connection may succeed. @default false */
  isRetryable?: boolean;
  /** HTTP status, for HTTP transports. */
  status?: number;
  /** The URL or command involved. */
  target?: string;
}

/** The transport failed to move a message: a spawn failure, a bad frame, an HTTP status... */
export class TransportError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'TRANSPORT_ERROR';
  override readonly isRetryable: boolean;
  /** HTTP status, when there was one. */
  readonly status: number | undefined;
  /** The URL or command involved. */
  readonly target: string | undefined;

  constructor(message: string, options: TransportErrorOptions = {}) {
    super(message, options);
    this.name = 'TransportError';
    this.isRetryable = options.isRetryable ?? false;
    this.status = options.status;
    this.target = options.target;
  }

  /** True when `error` is a `TransportError`. */
  static override isInstance(error: unknown): error is TransportError {
    return hasBrand(error, brand);
  }
}
