import type { JsonRpcMessage } from '@mcpx/core';
import { redactUrl } from '@mcpx/core/internal';
import { discard } from './body.js';
import type { StreamSink } from './consume.js';
import { messageOf, transportError, type ErrorScope } from './errors.js';
import type { Exchange } from './exchange.js';
import type { HeaderRecord } from './headers.js';
import { isNetworkFailure, sendThen, type AnswerHandler, type HttpAnswer, type HttpClient, type HttpRequest } from './http-client.js';
import { isOk } from './http-response.js';
import { ERROR_BODY_STATUSES, readErrorAnswer } from './modern/error-answer.js';
import type { HttpRetry, ResolvedHttpOptions } from './options.js';
import { sleep, type ReconnectPolicy } from './reconnect.js';
import { handleAccepted } from './response.js';
import type { Session } from './session.js';
import { isRetryableStatus, isSafeToRepeat, retryDelay, statusError, statusErrorWithBody } from './status.js';

/** What a POST needs from its transport; `O` is the options the transport posts its messages with. */
export interface PostContext<O extends PostOptions = PostOptions> {
  http: HttpClient;
  session: Session;
  scope: ErrorScope;
  retry: ResolvedHttpOptions['retry'];
  reconnect: ReconnectPolicy;
  maxEventBytes: number;
  /** Replaces the expired session `expiredId` by a new one, once however many callers ask. */
  renewSession(expiredId: string): Promise<void>;
  /** The session renewal under way, if any: what a message of the session waits for first. */
  pendingRenewal(): Promise<void> | undefined;
  /**
   * Told once a POST has settled, before its promise does (the transport forgets the message
   * there): one object for every POST, so that a message in flight holds no continuation.
   */
  settled?: PostSettled<O> | undefined;
}

/** What `PostContext.settled` is told, with the options the message was posted with. */
export interface PostSettled<O extends PostOptions = PostOptions> {
  /** The message was delivered (a request's response handed to the sink). */
  sent(options: O): void;
  /** The POST failed with `error`; returns what its promise rejects with. */
  failed(options: O, error: unknown): unknown;
}

/** Options of one POST. */
export interface PostOptions {
  /** What stops the POST, its retries and the reading of its answer. */
  exchange: Exchange;
  /** Where the messages of the answer go. */
  sink: StreamSink;
  /**
   * Set for a 2026-07-28 message: the headers its POST carries (its own, then `Accept` and
   * `Content-Type`) instead of the session's. Such a message belongs to no session, and its
   * answer cannot be resumed.
   */
  modern?: { headers: HeaderRecord } | undefined;
  /** The headers request middleware added (`TransportSendOptions.headers`). */
  extraHeaders?: Readonly<Record<string, string>> | undefined;
}

/** How a retried URL is shown to the hook: without user name, password, query or fragment. */
const BARE = { userinfo: 'drop', query: 'drop' } as const;

/** Calls the `onRetry` hook, if any, with a URL stripped of credentials and query; what it throws is ignored. */
function tellRetry(context: PostContext, retry: HttpRetry): void {
  const hook = context.retry.onRetry;
  if (hook === undefined) return;
  try {
    hook({ ...retry, url: redactUrl(retry.url, BARE) });
  } catch {
    // A throwing hook must not change the request it watches.
  }
}

/** Whether a message may be sent again in a new session, after its own expired. */
function resendable(message: JsonRpcMessage): boolean {
  // A response answers a request of the old session; a cancellation names one of its requests.
  return 'method' in message && message.method !== 'notifications/cancelled';
}

/**
 * The messages that start a session: the client sends them to renew one, so they neither wait
 * for a renewal under way nor start another when refused.
 */
function startsSession(method: string | undefined): boolean {
  return method === 'initialize' || method === 'notifications/initialized';
}

/** What one attempt got: an answer, or the error of a request that got none; and the session it was sent in. */
type Attempt = { failed: false; answer: HttpAnswer; sentSession: string | undefined } | { failed: true; error: unknown };

/**
 * POSTs one message and handles the answer: 202, a JSON body or an SSE stream. For a request,
 * resolves once its response was delivered. Retries safe messages after 5xx, 429 and network
 * failures; has an expired session (404) renewed once and sends the message again. A
 * 2026-07-28 request refused with 400 or 404 and a JSON-RPC error body, or `initialize`
 * refused with 400 and one, is answered with that error.
 */
export function postMessage<O extends PostOptions>(context: PostContext<O>, message: JsonRpcMessage, options: O): Promise<void> {
  let body: string;
  try {
    body = serialise(context.scope, message, 'method' in message ? message.method : undefined);
  } catch (error) {
    return Promise.reject(context.settled === undefined ? error : context.settled.failed(options, error));
  }
  return new Post(context, message, options, body).send();
}

/**
 * One message being POSTed, as its attempts see it, and the handler of its first attempt's
 * answer: while the message is in flight its request holds this object, and no continuation.
 */
class Post<O extends PostOptions> implements AnswerHandler<void> {
  readonly #context: PostContext<O>;
  readonly #message: JsonRpcMessage;
  readonly #options: O;
  readonly #body: string;
  readonly #method: string | undefined;
  readonly #isInitialize: boolean;
  /** Whether the message belongs to the session: it waits for a renewal under way, and has an expired session renewed. */
  readonly #inSession: boolean;
  /** The session id the first attempt carried. */
  #sentSession: string | undefined;

  constructor(context: PostContext<O>, message: JsonRpcMessage, options: O, body: string) {
    this.#context = context;
    this.#message = message;
    this.#options = options;
    this.#body = body;
    this.#method = 'method' in message ? message.method : undefined;
    this.#isInitialize = this.#method === 'initialize' && 'id' in message;
    this.#inSession = options.modern === undefined && !startsSession(this.#method);
  }

  /** Sends the first attempt, whose request holds this object: anything but a 2xx goes on in `#settle`, which retries and renews. */
  send(): Promise<void> {
    if (this.#inSession && this.#context.pendingRenewal() !== undefined) return this.#finish(this.#settle(undefined));
    this.#sentSession = this.#sessionOf();
    try {
      return sendThen(this.#context.http, this.#request(), this);
    } catch (error) {
      return this.failed(error);
    }
  }

  /** A JSON answer that had arrived whole is delivered, and its POST settled, without a promise. */
  answered(answer: HttpAnswer): void | Promise<void> {
    if (!isOk(answer.response.status)) return this.#finish(this.#settle({ failed: false, answer, sentSession: this.#sentSession }));
    const { settled } = this.#context;
    let accepted: void | Promise<void>;
    try {
      accepted = handleAccepted(this.#context, this.#message, answer.response, answer.url, this.#options);
    } catch (error) {
      throw settled === undefined ? error : settled.failed(this.#options, error);
    }
    if (accepted !== undefined) return this.#finish(accepted);
    settled?.sent(this.#options);
  }

  failed(error: unknown): Promise<void> {
    return this.#finish(this.#settle({ failed: true, error }));
  }

  /** `outcome`, once `PostContext.settled` was told of it. */
  #finish(outcome: Promise<void>): Promise<void> {
    const { settled } = this.#context;
    if (settled === undefined) return outcome;
    const options = this.#options;
    return outcome.then(
      () => settled.sent(options),
      (error: unknown) => {
        throw settled.failed(options, error);
      },
    );
  }

  /** The session id a POST carries: none for `initialize` and 2026-07-28 messages. */
  #sessionOf(): string | undefined {
    return this.#isInitialize || this.#options.modern !== undefined ? undefined : this.#context.session.id;
  }

  /** The POST as one attempt sends it: the session's headers (a 2026-07-28 message's own), the serialised message. */
  #request(): HttpRequest {
    const options = this.#options;
    return {
      method: 'POST',
      headers: options.modern === undefined ? this.#context.session.postHeaders(this.#isInitialize) : options.modern.headers,
      extraHeaders: options.extraHeaders,
      body: this.#body,
      exchange: options.exchange,
      rpcMethod: this.#method,
    };
  }

  /** Sends the message once, after a renewal under way if it belongs to the session; a request that got no answer is an `Attempt` too. */
  async #attempt(): Promise<Attempt> {
    const renewal = this.#inSession ? this.#context.pendingRenewal() : undefined;
    if (renewal !== undefined) await renewal;
    const sentSession = this.#sessionOf();
    try {
      return { failed: false, answer: await this.#context.http.send(this.#request()), sentSession };
    } catch (error) {
      return { failed: true, error };
    }
  }

  /** Handles `first` (or, without it, a first attempt of its own), then retries and renews the session until the message is answered or fails. */
  async #settle(first: Attempt | undefined): Promise<void> {
    const context = this.#context;
    const message = this.#message;
    const options = this.#options;
    const method = this.#method;
    const { exchange } = options;
    let retries = 0;
    let renewed = false;
    let next = first;
    for (;;) {
      const current = next ?? (await this.#attempt());
      next = undefined;
      if (current.failed) {
        const { error } = current;
        const delay =
          isNetworkFailure(error) && isSafeToRepeat(message, context.retry.retryToolCalls)
            ? retryDelay({ ...context.retry, attempt: retries }, null)
            : undefined;
        if (delay === undefined) throw error;
        retries++;
        tellRetry(context, { url: context.scope.target, method, attempt: retries, delayMs: delay, error });
        await sleep(delay, exchange.signal);
        continue;
      }
      const { answer, sentSession } = current;
      const { response, url } = answer;
      if (isOk(response.status)) return await handleAccepted(context, message, response, url, options);
      if (response.status === 404 && sentSession !== undefined && !renewed && this.#inSession) {
        discard(response);
        await context.renewSession(sentSession);
        renewed = true;
        if (!resendable(message)) {
          throw transportError(
            context.scope,
            `the session expired before ${method ?? 'a response'} was delivered, and it belongs to the old session; a new session was started`,
            { status: 404, isRetryable: true, method },
          );
        }
        continue;
      }
      // Whether the message may be sent again is asked only once a retry is in question.
      if (isRetryableStatus(response.status) && isSafeToRepeat(message, context.retry.retryToolCalls)) {
        const delay = retryDelay({ ...context.retry, attempt: retries }, response.headers['retry-after']);
        if (delay !== undefined) {
          discard(response);
          retries++;
          tellRetry(context, { url: url.href, method, attempt: retries, delayMs: delay, status: response.status });
          await sleep(delay, exchange.signal);
          continue;
        }
      }
      const what =
        renewed && response.status === 404 ? `POST ${method} (the new session was refused too)` : `POST ${method ?? 'of a response'}`;
      // A 2026-07-28 server refuses with a JSON-RPC error in the body (an unsupported version,
      // a header mismatch, an unknown method): that error is the answer, and it tells a modern
      // server from a legacy one. A modern-only server refuses `initialize` that way too, naming
      // its versions, which lets a client that wrongly remembered a legacy server probe again.
      const errorInBody =
        options.modern !== undefined ? ERROR_BODY_STATUSES.has(response.status) : this.#isInitialize && response.status === 400;
      if (errorInBody && 'id' in message && 'method' in message) {
        const answer = await readErrorAnswer(response, message.id, context.maxEventBytes);
        if (typeof answer !== 'string') {
          options.sink.message(answer);
          return;
        }
        throw statusErrorWithBody(context.scope, response, url, what, answer, method);
      }
      throw await statusError(context.scope, response, url, what, method);
    }
  }
}

function serialise(scope: ErrorScope, message: JsonRpcMessage, method: string | undefined): string {
  try {
    return JSON.stringify(message);
  } catch (error) {
    throw transportError(scope, `the message could not be serialised as JSON: ${messageOf(error)}`, { cause: error, method });
  }
}
