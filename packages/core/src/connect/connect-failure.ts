import { CancelledError } from '../errors/cancelled-error.js';
import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import { describeAsPartOf, LocalError } from '../errors/local-error.js';
import { NonJsonOutputError } from '../errors/non-json-output-error.js';
import { reasonText } from '../util/abort-fanout.js';
import type { OutputWatch } from './output-watch.js';

/** What `connectFailure` needs to know about the attempt. */
export interface FailedAttempt {
  /** The caller's signal. */
  signal: AbortSignal | undefined;
  /** The connect deadline's signal; its reason is a `ConnectTimeoutError`. */
  deadline: AbortSignal;
  watch: OutputWatch;
  server: string | undefined;
  /** Whether the transport could have been created again (connect() was given a function). */
  reopenable: boolean;
}

/**
 * The error `connect()` rejects with: what the user did (connecting) rather than which step of
 * the handshake failed, which stays in the error's `method` and `cause`.
 */
export function connectFailure(error: unknown, attempt: FailedAttempt): unknown {
  if (attempt.deadline.aborted) return attempt.deadline.reason;
  if (attempt.signal?.aborted === true && !LocalError.isInstance(error)) {
    return new CancelledError(reasonText(attempt.signal.reason), {
      server: attempt.server,
      operation: 'connecting',
      cause: attempt.signal.reason,
    });
  }
  if (CancelledError.isInstance(error) && NonJsonOutputError.isInstance(error.cause)) return error.cause;
  if (ConnectionClosedError.isInstance(error) && attempt.watch.noisy)
    return attempt.watch.error(ConnectionClosedError.isInstance(error.cause) ? error.cause : error);
  if (ConnectionClosedError.isInstance(error) && ConnectionClosedError.isInstance(error.cause))
    return closedWhileConnecting(error, error.cause, attempt);
  if (LocalError.isInstance(error)) describeAsPartOf(error, 'connecting');
  return error;
}

function closedWhileConnecting(error: ConnectionClosedError, reason: ConnectionClosedError, attempt: FailedAttempt): ConnectionClosedError {
  const exited = reason.exitCode != null || reason.signal != null;
  const what = exited
    ? 'the server process exited during the handshake'
    : `the connection ended during the handshake: ${reason.detail.split('\n')[0] ?? ''}`;
  // Without a way to start the server again, an older server that exits on the probe cannot be reached: say what helps.
  const onProbe = error.method === 'server/discover' && !attempt.reopenable;
  const hint = onProbe
    ? "it may be an older server that exits on methods it does not know: pin era 'legacy' (or its protocolVersion), or give connect() a function that creates the transport, so that the server can be started again"
    : undefined;
  return new ConnectionClosedError(what, {
    hint,
    server: attempt.server,
    method: error.method,
    operation: 'connecting',
    exitCode: reason.exitCode,
    signal: reason.signal,
    stderrTail: reason.stderrTail,
    isRetryable: reason.isRetryable,
    cause: reason,
  });
}
