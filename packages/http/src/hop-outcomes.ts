import { discard } from './body.js';
import type { DispatchOutcome } from './dispatch.js';
import type { AnswerHandler, HttpAnswer, HttpRequest } from './http-client.js';
import type { HttpResponse } from './http-response.js';
import type { HopRequest } from './redirects.js';

/**
 * What a hop's outcome needs of the `HttpClient` that sent it: an object each client makes once
 * of its private methods, so that they stay out of its public API.
 */
export interface HopClient {
  /**
   * The answer of a request without a provider, from its first hop's response: that response,
   * at once; after a redirect or a refusal, a promise of the redirects followed, a 401 or 403
   * (which no provider can fix here) rejecting with `AuthError`.
   */
  firstAnswer(first: HttpResponse, target: URL, hop: HopRequest, request: HttpRequest): HttpAnswer | Promise<HttpAnswer>;
  /** The error of a request that failed before any answer: a retryable network failure, or the exchange's reason if it was aborted. */
  unreachable(error: unknown, url: URL, request: HttpRequest): unknown;
}

/** The outcome of one hop: the response as it came; a failure before it, as `HopClient.unreachable` makes it. */
export class Unreachable implements DispatchOutcome<HttpResponse> {
  readonly #client: HopClient;
  readonly #url: URL;
  readonly #request: HttpRequest;

  constructor(client: HopClient, url: URL, request: HttpRequest) {
    this.#client = client;
    this.#url = url;
    this.#request = request;
  }

  answered(response: HttpResponse): HttpResponse {
    return response;
  }

  unanswered(error: unknown): Promise<HttpResponse> {
    return Promise.reject(this.#client.unreachable(error, this.#url, this.#request));
  }
}

/**
 * What `handler` makes of `answer`. The handler owns the body: one that throws before taking it
 * has it let go here, or the body would stay unread and hold its connection.
 */
export function handOver<T>(handler: AnswerHandler<T>, answer: HttpAnswer): T | PromiseLike<T> {
  try {
    return handler.answered(answer);
  } catch (error) {
    discard(answer.response);
    throw error;
  }
}

/**
 * The outcome of the first hop of a request without a provider, the whole request most of the
 * time: what its handler makes of the answer (after the redirects, or the `AuthError` of a 401
 * or 403) or of the failure. One object a request in flight, instead of continuations chained
 * to the hop's promise; `dispatch` calls it in a microtask of its own, never inside undici's
 * callback, so the handler may send and forget its message.
 */
export class FirstHop<T> implements DispatchOutcome<T> {
  readonly #client: HopClient;
  readonly #url: URL;
  readonly #hop: HopRequest;
  readonly #request: HttpRequest;
  readonly #handler: AnswerHandler<T>;

  constructor(client: HopClient, url: URL, hop: HopRequest, request: HttpRequest, handler: AnswerHandler<T>) {
    this.#client = client;
    this.#url = url;
    this.#hop = hop;
    this.#request = request;
    this.#handler = handler;
  }

  answered(response: HttpResponse): T | PromiseLike<T> {
    const handler = this.#handler;
    const answer = this.#client.firstAnswer(response, this.#url, this.#hop, this.#request);
    if (!(answer instanceof Promise)) return handOver(handler, answer);
    return answer.then(
      (got) => handOver(handler, got),
      (error: unknown) => handler.failed(error),
    );
  }

  unanswered(error: unknown): T | PromiseLike<T> {
    return this.#handler.failed(this.#client.unreachable(error, this.#url, this.#request));
  }
}

/** The handler `HttpClient.send` settles with: the answer, or the failure as a rejection. */
export const AS_ANSWER: AnswerHandler<HttpAnswer> = {
  answered: (answer) => answer,
  failed: (error) => Promise.reject(error),
};
