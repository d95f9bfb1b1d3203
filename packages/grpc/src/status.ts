import { status as Status, type ServiceError } from '@grpc/grpc-js';
import { ErrorCode, RequestTimeoutError, TransportError, type JsonRpcErrorObject } from '@mcpx/core';

/** Where a call went, for error messages. */
export interface CallPlace {
  server: string | undefined;
  method: string;
  /** `grpc://host:port/model_context_protocol.Mcp/<Rpc>`. */
  target: string;
  /** The deadline the call was sent with. */
  timeoutMs: number;
}

/** The name of a gRPC status code, such as `UNAVAILABLE`. */
export function statusName(code: number): string {
  return Status[code] ?? `status ${code}`;
}

/** Statuses that are the server's answer to the request, given to the client as JSON-RPC errors. */
const ANSWERS: ReadonlyMap<Status, number> = new Map([
  [Status.INVALID_ARGUMENT, ErrorCode.InvalidParams],
  [Status.NOT_FOUND, ErrorCode.InvalidParams],
  [Status.ALREADY_EXISTS, ErrorCode.InvalidParams],
  [Status.FAILED_PRECONDITION, ErrorCode.InvalidRequest],
  [Status.OUT_OF_RANGE, ErrorCode.InvalidParams],
  [Status.UNIMPLEMENTED, ErrorCode.MethodNotFound],
  [Status.INTERNAL, ErrorCode.InternalError],
  [Status.UNKNOWN, ErrorCode.InternalError],
  [Status.DATA_LOSS, ErrorCode.InternalError],
  [Status.ABORTED, ErrorCode.InternalError],
]);

/**
 * A failed call as the server's JSON-RPC error when the status is its answer to the request
 * (bad arguments, an unknown tool, an unimplemented rpc, a failure inside the server), with the
 * gRPC status in `data`; undefined when the status is about the call itself (unavailable,
 * deadline, cancelled, too large, auth), which `callError` turns into a local error.
 */
export function answerOf(error: ServiceError): JsonRpcErrorObject | undefined {
  if (isStreamReset(error)) return undefined;
  const code = ANSWERS.get(error.code);
  if (code === undefined) return undefined;
  return { code, message: error.details || statusName(error.code), data: { grpcStatus: statusName(error.code), grpcCode: error.code } };
}

/**
 * Whether the call was cut by an HTTP/2 stream reset (grpc-js reports `RST_STREAM` as `INTERNAL`
 * or `UNKNOWN`, "Received RST_STREAM with code …"): the connection's failure, not the server's
 * answer.
 */
function isStreamReset(error: ServiceError): boolean {
  return (error.code === Status.INTERNAL || error.code === Status.UNKNOWN) && (error.details ?? '').startsWith('Received RST_STREAM');
}

/** A failed call that is not the server's answer as a local mcpx error saying what to do. */
export function callError(error: ServiceError, place: CallPlace): Error {
  const where = { server: place.server, method: place.method, target: place.target, cause: error };
  const said = error.details ? `: ${error.details}` : '';
  // A call cut on the way may have run on the server: a tools/call is not repeated for the
  // caller (its side effects), as the HTTP transport does not; the others are safe to repeat.
  const mayRepeat = place.method !== 'tools/call';
  const again = mayRepeat ? 'try again' : 'the tool may have run: check before calling it again';
  if (isStreamReset(error)) {
    return new TransportError(
      `the call's HTTP/2 stream was reset before the server answered (${statusName(error.code)}${said}); ${again}`,
      {
        ...where,
        isRetryable: mayRepeat,
      },
    );
  }
  switch (error.code) {
    case Status.DEADLINE_EXCEEDED:
      // The engine, which knows which of its limits the deadline was, reports it as its own.
      return new RequestTimeoutError(place.timeoutMs, 'idle', { server: place.server, method: place.method, cause: error });
    case Status.UNAVAILABLE:
      return new TransportError(`the gRPC server is unavailable (UNAVAILABLE${said}); check that it runs and listens at ${place.target}`, {
        ...where,
        isRetryable: mayRepeat,
      });
    case Status.RESOURCE_EXHAUSTED:
      // grpc-js's size limits say "Received message larger than max (… vs …)" or "Sent message …";
      // otherwise it is the server's quota or rate limit, which passes.
      if (/larger than max/.test(error.details ?? ''))
        return new TransportError(
          `a message is over the size limit (RESOURCE_EXHAUSTED${said}); raise maxReceiveMessageBytes (for responses) or maxSendMessageBytes (for requests)`,
          { ...where, isRetryable: false },
        );
      return new TransportError(`the server refused the call as over a quota or rate limit (RESOURCE_EXHAUSTED${said}); try again later`, {
        ...where,
        isRetryable: true,
      });
    case Status.CANCELLED:
      return new TransportError(
        `the call was cancelled before it finished (CANCELLED${said}), as when the connection was reset; ${again}`,
        {
          ...where,
          isRetryable: mayRepeat,
        },
      );
    default:
      return new TransportError(`the call failed with ${statusName(error.code)}${said}`, { ...where, isRetryable: false });
  }
}
