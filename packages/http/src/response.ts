import type { JsonRpcMessage, RequestId } from '@mcpx/core';
import { isResponse } from '@mcpx/core/internal';
import { BodyTooLargeError, discard, excerpt, readLimited } from './body.js';
import type { StreamCursor } from './consume.js';
import { decodeMessages, shorten } from './decode.js';
import { messageOf, transportError } from './errors.js';
import { followStream } from './follow-stream.js';
import { mediaType } from './headers.js';
import type { HttpResponse } from './http-response.js';
import type { PostContext, PostOptions } from './post.js';
import { isValidSessionId } from './session.js';

/**
 * Handles a 2xx answer to a POST: nothing for 202, the messages of a JSON body, or an SSE
 * stream read (and resumed when it can be) until the response to `message` arrives. A
 * session id offered with a successful `initialize` result is adopted before that result
 * is delivered, so everything the client sends next carries it.
 */
export async function handleAccepted(
  context: PostContext,
  message: JsonRpcMessage,
  response: HttpResponse,
  url: URL,
  options: PostOptions,
): Promise<void> {
  const { scope } = context;
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
      scope,
      `the server sent an invalid Mcp-Session-Id (it must be visible ASCII): ${JSON.stringify(shorten(offered, 80))}`,
      { method },
    );
  }
  let answered = false;
  const deliver = (received: JsonRpcMessage): void => {
    if (requestId !== undefined && isResponse(received) && received.id === requestId) {
      answered = true;
      if (offered !== undefined && 'result' in received) context.session.id = offered;
    }
    options.sink.message(received);
  };

  if (type === 'application/json') {
    let text: string;
    try {
      text = await readLimited(response, context.maxEventBytes);
    } catch (error) {
      if (options.exchange.aborted) throw error;
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
    if (requestId === undefined && text.trim() === '') return;
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
    for (const received of messages) deliver(received);
    return;
  }

  if (type === 'text/event-stream') {
    const cursor: StreamCursor = { lastEventId: undefined, retryMs: undefined };
    const what =
      requestId === undefined
        ? `the stream answering ${method ?? 'a response'}`
        : `the response stream of ${method} (id ${String(requestId)})`;
    await followStream({
      what,
      cursor,
      first: response.body,
      sink: { message: deliver, error: (error) => options.sink.error(error) },
      open: (lastEventId) =>
        context.http.send({
          method: 'GET',
          headers: {
            ...context.session.headers(false),
            accept: 'text/event-stream',
            ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
          },
          exchange: options.exchange,
          rpcMethod: method,
        }),
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
    return;
  }

  const shown = await excerpt(response);
  throw transportError(
    scope,
    `the answer to ${method} has content type ${JSON.stringify(response.headers['content-type'] ?? '')}, expected application/json or text/event-stream${shown ? ` (body: "${shown}")` : ''}; check the URL points at an MCP Streamable HTTP endpoint`,
    { status: response.status, method },
  );
}
