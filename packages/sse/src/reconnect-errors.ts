import { AuthError, TransportError } from '@mcpx/core';

/** Where the errors happened: the stream's URL and the server's name. */
export interface ErrorSite {
  target: string;
  server: string | undefined;
}

/**
 * The error that ends the transport when reconnecting stops: the `AuthError` as it is, else a
 * `TransportError` that keeps the last attempt's `status` and `isRetryable`.
 */
export function giveUpError(last: Error, attempts: number, site: ErrorSite): Error {
  if (AuthError.isInstance(last)) return last;
  const status = TransportError.isInstance(last) ? last.status : undefined;
  const tried = attempts === 0 ? 'without reconnecting (reconnection is off)' : `after ${attempts} reconnection attempt(s)`;
  return new TransportError(`gave up on the event stream from ${site.target} ${tried}: ${last.message}`, {
    ...site,
    cause: last,
    isRetryable: TransportError.isInstance(last) && last.isRetryable,
    ...(status === undefined ? {} : { status }),
  });
}

/** What `onerror` is told after a successful reconnection: what the drop may have cost. */
export function reopenedWarning(
  dropError: TransportError,
  attempts: number,
  lastEventId: string | undefined,
  site: ErrorSite,
): TransportError {
  const resumed =
    lastEventId === undefined
      ? 'without Last-Event-ID (the server sent no event ids)'
      : `with Last-Event-ID ${JSON.stringify(lastEventId)}`;
  return new TransportError(
    `${dropError.message}; reopened it ${resumed} after ${attempts} attempt(s). Requests sent before the drop are not replayed and their responses may never arrive (they end by their timeout); ` +
      'a 2024-11-05 server usually starts a new session on a new stream and forgets the old one (the handshake, subscriptions, the logging level), so reconnect the client if the server does not resume sessions',
    { ...site, cause: dropError, isRetryable: true },
  );
}
