import { TransportError } from '@mcpx/core';

/** Where errors of one transport happen: its URL and server name. */
export interface ErrorScope {
  /** The endpoint URL, shown as the error's `target`. */
  readonly target: string;
  /** The server's name, when configured. */
  readonly server: string | undefined;
}

/** What a `TransportError` adds to its message. */
export interface ErrorDetails {
  status?: number | undefined;
  cause?: unknown;
  isRetryable?: boolean | undefined;
  method?: string | undefined;
}

/** A `TransportError` in `scope`. */
export function transportError(scope: ErrorScope, message: string, details: ErrorDetails = {}): TransportError {
  return new TransportError(message, {
    target: scope.target,
    server: scope.server,
    isRetryable: details.isRetryable ?? false,
    ...(details.status === undefined ? {} : { status: details.status }),
    ...(details.method === undefined ? {} : { method: details.method }),
    ...(details.cause === undefined ? {} : { cause: details.cause }),
  });
}

/** The message of any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why a request got no answer: the reason `fetch` hides in `cause` ("fetch failed"), with the
 * error code (`ECONNREFUSED`, `UND_ERR_SOCKET`) when the message does not already say it.
 */
export function networkReason(error: unknown): string {
  const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(reason instanceof Error)) return String(reason);
  const code = (reason as { code?: unknown }).code;
  return typeof code === 'string' && !reason.message.includes(code) ? `${reason.message} (${code})` : reason.message;
}
