import { hasBrand } from './mcpx-error.js';
import { ConnectionClosedError } from './connection-closed-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.NonJsonOutputError');

/** How much of an offending line the message quotes. */
const QUOTED_CHARS = 120;

/**
 * Connecting failed because the server wrote lines that are not JSON where only JSON-RPC
 * messages belong (stdout, for a server process) and gave no valid answer to the handshake:
 * a banner or log line printed to stdout, a pretty-printed reply, or not an MCP server at all.
 */
export class NonJsonOutputError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'NON_JSON_OUTPUT';
  // A server that is only slow after its banner may answer on a new attempt.
  override readonly isRetryable = true;
  /** The first distinct lines that were not JSON, as received. */
  readonly lines: readonly string[];

  constructor(lines: readonly string[], options: LocalErrorOptions = {}) {
    const first = lines[0] ?? '';
    const quoted = first.length > QUOTED_CHARS ? `${first.slice(0, QUOTED_CHARS)}…` : first;
    const closed = ConnectionClosedError.isInstance(options.cause)
      ? `, then closed the connection${exitOf(options.cause)} without a valid answer to the handshake`
      : ', and no valid answer to the handshake followed';
    const tail =
      ConnectionClosedError.isInstance(options.cause) && options.cause.stderrTail.length > 0
        ? `\nLast stderr lines:\n  ${options.cause.stderrTail.join('\n  ')}`
        : '';
    super(
      `the server wrote output that is not JSON-RPC on stdout, starting with "${quoted}"${closed}; a server must write only JSON-RPC messages to stdout (logs and banners belong on stderr)${tail}`,
      options,
    );
    this.name = 'NonJsonOutputError';
    this.lines = lines;
  }

  /** True when `error` is a `NonJsonOutputError`. */
  static override isInstance(error: unknown): error is NonJsonOutputError {
    return hasBrand(error, brand);
  }
}

function exitOf(error: ConnectionClosedError): string {
  if (error.exitCode != null) return ` (exit code ${error.exitCode})`;
  return error.signal != null ? ` (killed by ${error.signal})` : '';
}
