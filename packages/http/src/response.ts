import type { JsonRpcMessage, RequestId } from '@mcpx/core';
import { isResponse } from '@mcpx/core/internal';
import { BodyTooLargeError, discard, excerpt, readLimited } from './body.js';
import type { StreamCursor } from './consume.js';
import { decodeMessages, shorten } from './decode.js';
import { messageOf, transportError } from './errors.js';
import { followStream } from './follow-stream.js';
import { getEvents } from './get-stream.js';
import { mediaType } from './headers.js';
import type { HttpResponse } from './http-response.js';
import type { PostContext, PostOptions } from './post.js';
import { isValidSessionId } from './session.js';

/**
 * Handles a 2xx answer to a POST: nothing for 202, the messages of a JSON body, or an SSE
 * stream read (and resumed when it can be) until the response to `message` arrives. A
 * session id offered with a successful `initialize` result is adopted before that result
 * is delivered, so everything the client sends next carries it. A JSON body that has already
 * arrived whole (a small one its server wrote with the head) is delivered at once, without a
 * promise. What fails before any wait (an invalid `Mcp-Session-Id`, a JSON body holding no
 * message) throws; what fails later rejects.
 */
export function handleAccepted(
  context: PostContext,
  message: JsonRpcMessage,
  response: HttpResponse,
  url: URL,
  options: PostOptions,
): void | Promise<void> {
  const method = 'method' in message ? message.method : undefined;
  const requestId: RequestId | undefined = 'method' in message && 'id' in message ? message.id : undefined;
  const type = mediaType(response.headers['content-type']);
  if (
    response.status === 202 ||
    response.status === 204 ||
    (requestId === undefined && type !== 'application/json' && type !== 'text/event-stream')
  ) {
    discard(response);
    return;
  }
  const offered = method === 'initialize' ? response.headers['mcp-session-id'] : undefined;
  if (offered !== undefined && !isValidSessionId(offered)) {
    discard(response);
    throw transportError(
      context.scope,
      `the server sent an invalid Mcp-Session-Id (it must be visible ASCII): ${JSON.stringify(shorten(offered, 80))}`,
      { method },
    );
  }
  const accepted: AcceptedPost = { context, options, method, requestId, offered };
  if (type === 'application/json') {
    const whole = response.body.textIfEnded?.(context.maxEventBytes);
    if (whole !== undefined) return deliverJson(accepted, whole);
    return readJson(accepted, response).then((text) => deliverJson(accepted, text));
  }
  if (type === 'text/event-stream') return followAnswerStream(accepted, response);
  return unexpectedType(context, response, method);
}

/** A POST whose answer was accepted (2xx), as the reading of that answer needs it. */
interface AcceptedPost {
  context: PostContext;
  options: PostOptions;
  method: string | undefined;
  /** The id of the request POSTed, undefined for a notification or a response. */
  requestId: RequestId | undefined;
  /** The session id the answer to `initialize` offered. */
  offered: string | undefined;
}

/**
 * Delivers a message of the answer; returns whether it is the response to the request POSTed.
 * A successful response adopts, before it is delivered, the session id its answer offered.
 */
function deliver(accepted: AcceptedPost, received: JsonRpcMessage): boolean {
  const answers = accepted.requestId !== undefined && isResponse(received) && received.id === accepted.requestId;
  if (answers && accepted.offered !== undefined && 'result' in received) accepted.context.session.id = accepted.offered;
  accepted.options.sink.message(received);
  return answers;
}

/** Reads a JSON body that has not arrived whole yet, with its failures told as the transport's errors. */
async function readJson(accepted: AcceptedPost, response: HttpResponse): Promise<string> {
  const { scope, maxEventBytes } = accepted.context;
  const { method } = accepted;
  try {
    return await readLimited(response, maxEventBytes);
  } catch (error) {
    if (accepted.options.exchange.aborted) throw error;
    if (error instanceof BodyTooLargeError) {
      throw transportError(
        scope,
        `the JSON answer to ${method ?? 'a message'} is larger than maxEventBytes (${error.limit} bytes); raise maxEventBytes if the server really sends messages this large`,
        { cause: error, method },
      );
    }
    throw transportError(scope, `reading the answer to ${method ?? 'a message'} failed: ${messageOf(error)}`, {
      cause: error,
      isRetryable: true,
      method,
    });
  }
}

/** Delivers the messages of a JSON body; one that holds none is an error. */
function deliverJson(accepted: AcceptedPost, text: string): void {
  const { scope } = accepted.context;
  const { method, options } = accepted;
  if (accepted.requestId === undefined && text.trim() === '') return;
  const { messages, problems } = decodeMessages(text);
  if (messages.length === 0) {
    throw transportError(
      scope,
      `the answer to ${method ?? 'a message'} is not a JSON-RPC message: ${problems.join('; ')}. The body: ${shorten(text)}`,
      { method },
    );
  }
  for (const problem of problems)
    options.sink.error(transportError(scope, `the answer to ${method} held an invalid message, skipped: ${problem}`, { method }));
  for (const received of messages) deliver(accepted, received);
}

/** Reads an SSE answer until the response arrives, resuming the stream when it can be. */
async function followAnswerStream(accepted: AcceptedPost, response: HttpResponse): Promise<void> {
  const { context, options, method, requestId } = accepted;
  const { scope } = context;
  let answered = false;
  const cursor: StreamCursor = { lastEventId: undefined, retryMs: undefined };
  const what =
    requestId === undefined
      ? `the stream answering ${method ?? 'a response'}`
      : `the response stream of ${method} (id ${String(requestId)})`;
  await followStream({
    what,
    cursor,
    first: response.body,
    sink: {
      message: (received) => {
        if (deliver(accepted, received)) answered = true;
      },
      error: (error) => options.sink.error(error),
    },
    open: (lastEventId) => getEvents(context, options.exchange, lastEventId, method),
    finished: () => requestId === undefined || answered,
    // Resuming needs an event id to resume from: a server that sent none cannot resume the
    // stream. 2026-07-28 streams are never resumed.
    canResume: () => options.modern === undefined && cursor.lastEventId !== undefined,
    unresumable: (cause) =>
      transportError(
        scope,
        `the server ended ${what} before sending the response, ${options.modern === undefined ? 'and sent no event id to resume from' : 'and 2026-07-28 streams cannot be resumed'}`,
        { cause, isRetryable: true, method },
      ),
    policy: context.reconnect,
    exchange: options.exchange,
    maxEventBytes: context.maxEventBytes,
    scope,
    method,
  });
  // followStream returns before the response only when the POST was aborted.
  if (!answered && requestId !== undefined) throw options.exchange.reason;
}

/** The error of a 2xx answer that is neither JSON nor an SSE stream, with the start of its body. */
async function unexpectedType(context: PostContext, response: HttpResponse, method: string | undefined): Promise<never> {
  const shown = await excerpt(response);
  throw transportError(
    context.scope,
    `the answer to ${method} has content type ${JSON.stringify(response.headers['content-type'] ?? '')}, expected application/json or text/event-stream${shown ? ` (body: "${shown}")` : ''}; check the URL points at an MCP Streamable HTTP endpoint`,
    { status: response.status, method },
  );
}
