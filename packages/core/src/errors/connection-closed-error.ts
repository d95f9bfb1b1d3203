import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.ConnectionClosedError');

/** Details of how a connection ended, when the transport knows them. */
export interface ConnectionClosedDetails {
  /** Exit code of a server process. */
  exitCode?: number | null | undefined;
  /** Signal that ended a server process. */
  signal?: string | null | undefined;
  /** The last lines the server wrote to stderr. */
  stderrTail?: readonly string[] | undefined;
  /** Whether a new connection may succeed; false when the server closed for good (a policy close, say). @default true */
  isRetryable?: boolean | undefined;
  /** What to do about it, said after how the process ended. */
  hint?: string | undefined;
}

/** The connection ended while work was pending, or a call was made on a closed client. */
export class ConnectionClosedError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'CONNECTION_CLOSED';
  override readonly isRetryable: boolean;
  /** Exit code of the server process, when it was one. */
  readonly exitCode: number | null | undefined;
  /** Signal that ended the server process, when it was one. */
  readonly signal: string | null | undefined;
  /** The last stderr lines of the server process. */
  readonly stderrTail: readonly string[];

  constructor(message: string, options: LocalErrorOptions & ConnectionClosedDetails = {}) {
    super(describe(message, options), options);
    this.name = 'ConnectionClosedError';
    this.isRetryable = options.isRetryable ?? true;
    this.exitCode = options.exitCode;
    this.signal = options.signal;
    this.stderrTail = options.stderrTail ?? [];
  }

  /** True when `error` is a `ConnectionClosedError`. */
  static override isInstance(error: unknown): error is ConnectionClosedError {
    return hasBrand(error, brand);
  }
}

function describe(message: string, details: ConnectionClosedDetails): string {
  let text = message;
  if (details.exitCode != null) text += ` (exit code ${details.exitCode})`;
  else if (details.signal != null) text += ` (killed by ${details.signal})`;
  if (details.hint !== undefined) text += `; ${details.hint}`;
  if (details.stderrTail && details.stderrTail.length > 0) text += `\nLast stderr lines:\n  ${details.stderrTail.join('\n  ')}`;
  return text;
}
