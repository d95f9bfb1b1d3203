import { discard } from './body.js';
import type { DispatchOutcome } from './dispatch.js';
import type { AnswerHandler, HttpAnswer, HttpClient, HttpRequest } from './http-client.js';
import type { HttpResponse } from './http-response.js';
import { isRedirect, type HopRequest } from './redirects.js';

/** Whether `status` refuses the request's credentials (401 or 403). */
export function isRefusal(status: number): boolean {
  return status === 401 || status === 403;
}

/** The outcome of one hop: the response as it came; a failure before it, as `HttpClient.unreachable` makes it. */
export class Unreachable implements DispatchOutcome<HttpResponse> {
  constructor(
    private readonly client: HttpClient,
    private readonly url: URL,
    private readonly request: HttpRequest,
  ) {}

  answered(response: HttpResponse): HttpResponse {
    return response;
  }

  unanswered(error: unknown): Promise<HttpResponse> {
    return Promise.reject(this.client.unreachable(error, this.url, this.request));
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

/** Settled before a request's handler runs, so that it runs in a turn of its own, never inside undici's callback. */
const LATER = Promise.resolve();

/**
 * The outcome of the first hop of a request without a provider, the whole request most of the
 * time: what its handler makes of the answer (after the redirects, or the `AuthError` of a 401
 * or 403) or of the failure. One object a request in flight, instead of continuations chained
 * to the hop's promise; the handler runs from a later turn than undici's callback.
 */
export class FirstHop<T> implements DispatchOutcome<T> {
  constructor(
    private readonly client: HttpClient,
    private readonly url: URL,
    private readonly hop: HopRequest,
    private readonly request: HttpRequest,
    private readonly handler: AnswerHandler<T>,
  ) {}

  answered(response: HttpResponse): Promise<T> {
    const { handler } = this;
    if (!isRedirect(response) && !isRefusal(response.status)) {
      const answer: HttpAnswer = { response, url: this.url };
      return LATER.then(() => handOver(handler, answer));
    }
    return LATER.then(() => this.client.afterFirstHop(response, this.url, this.hop, this.request)).then(
      (answer) => handOver(handler, answer),
      (error: unknown) => handler.failed(error),
    );
  }

  unanswered(error: unknown): Promise<T> {
    const failure = this.client.unreachable(error, this.url, this.request);
    return LATER.then(() => this.handler.failed(failure));
  }
}

/** The handler `send` settles with: the answer, or the failure as a rejection. */
export const AS_ANSWER: AnswerHandler<HttpAnswer> = {
  answered: (answer) => answer,
  failed: (error) => Promise.reject(error),
};
