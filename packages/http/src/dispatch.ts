import { Buffer } from 'node:buffer';
import { util, type Dispatcher } from 'undici';
import { BodyTooLargeError } from './body.js';
import type { Exchange } from './exchange.js';
import { decodeChunks as decode } from './decode-chunks.js';
import type { HttpBody, HttpResponse } from './http-response.js';
import type { HopRequest } from './redirects.js';
import { requestBody } from './request-body.js';

/** How much of a body may be held, unread, before undici stops reading its socket until the reader catches up. */
const HIGH_WATER_MARK = 64 * 1024;

/** Where a request goes: the origin (`http://host:port`) and the path with its query. */
export interface Target {
  origin: string;
  path: string;
}

/** The `Target` of `url`; keeps a `?` with nothing after it, as `fetch` does. */
export function targetOf(url: URL): Target {
  const trailingQuestionMark = url.search === '' && url.href.endsWith('?');
  return { origin: url.origin, path: `${url.pathname}${url.search}${trailingQuestionMark ? '?' : ''}` };
}

/**
 * What a dispatched request settles with: made of its response once the head arrived, or of
 * the error of a request that got no answer (a promise of it is adopted; throwing rejects).
 * One object a request, standing in for the continuations a caller would otherwise chain to
 * the promise while the request is in flight. Both are called in a microtask of their own,
 * never inside undici's callbacks nor inside `Exchange.abort()` (the transport's `#shutdown`
 * walking `#inFlight`, a user's `AbortController.abort()`): an outcome may send, read the body
 * and forget its message. By the time `answered` runs, a small body the server wrote with its
 * head has arrived whole (undici parses a socket read in one go), so it can be taken at once
 * (`HttpBody.textIfEnded`).
 */
export interface DispatchOutcome<T> {
  /** What the request resolves with once its response's head arrived. */
  answered(response: HttpResponse): T | PromiseLike<T>;
  /** What the request resolves with when it got no answer: typically a rejection with the caller's own error. */
  unanswered(error: unknown): T | PromiseLike<T>;
}

/** The response as it came, and undici's error as it was. */
const AS_IS: DispatchOutcome<HttpResponse> = { answered: (response) => response, unanswered: (error) => Promise.reject(error) };

/**
 * Sends one request through an undici dispatcher, without `fetch`'s web streams and
 * per-request objects: resolves once the status and headers arrive, the body following as
 * it comes. Aborting `exchange` fails the request, or the body being read, with its reason.
 * With `outcome`, settles with what it makes of the response or of a failure before it;
 * without, resolves with the response and rejects with undici's error.
 */
export function dispatch(dispatcher: Dispatcher, target: Target, hop: HopRequest, exchange: Exchange): Promise<HttpResponse>;
export function dispatch<T>(
  dispatcher: Dispatcher,
  target: Target,
  hop: HopRequest,
  exchange: Exchange,
  outcome: DispatchOutcome<T>,
): Promise<T>;
export function dispatch<T>(
  dispatcher: Dispatcher,
  target: Target,
  hop: HopRequest,
  exchange: Exchange,
  outcome: DispatchOutcome<T> = AS_IS as unknown as DispatchOutcome<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (exchange.aborted) {
      const reason: unknown = exchange.reason;
      queueMicrotask(() => settleWith(resolve, reject, () => outcome.unanswered(reason)));
      return;
    }
    const request = new DispatchedRequest<T>(resolve, reject, outcome, exchange);
    try {
      dispatcher.dispatch(
        { origin: target.origin, path: target.path, method: hop.method, headers: hop.headers, body: requestBody(hop.body, dispatcher) },
        request,
      );
    } catch (error) {
      request.onError(error);
    }
  });
}

/** Resolves with what `make` returns, or rejects with what it throws; false when it threw. */
function settleWith<T>(
  resolve: (value: T | PromiseLike<T>) => void,
  reject: (reason: unknown) => void,
  make: () => T | PromiseLike<T>,
): boolean {
  let value: T | PromiseLike<T>;
  try {
    value = make();
  } catch (error) {
    reject(error);
    return false;
  }
  resolve(value);
  return true;
}

type State = 'head' | 'body' | 'ended' | 'failed' | 'cancelled';

/**
 * One request in undici's dispatcher, as its handler and as the body of its response. Uses
 * the handler methods undici's own `fetch` uses, which every dispatcher accepts natively
 * (Node's bundled undici too). Chunks are held until read; past `HIGH_WATER_MARK` undici is
 * told to pause, and resumed once the reader has caught up.
 */
class DispatchedRequest<T> implements Dispatcher.DispatchHandler, HttpBody {
  readonly #resolve: (answer: T | PromiseLike<T>) => void;
  readonly #reject: (reason: unknown) => void;
  /** What the request settles with: made of the response, or of a failure before it (the caller's own error). */
  readonly #outcome: DispatchOutcome<T>;
  #state: State = 'head';
  #error: unknown;
  #abort: ((error?: Error) => void) | undefined;
  #resume: (() => void) | undefined;
  #paused = false;
  #chunks: Buffer[] = [];
  #buffered = 0;
  /** Wakes a reader waiting for the next chunk or the end. */
  #wake: (() => void) | undefined;
  /** Set while the request may still be aborted. */
  #exchange: Exchange | undefined;
  readonly #onAbort = (reason: unknown): void => this.#aborted(reason);

  constructor(
    resolve: (answer: T | PromiseLike<T>) => void,
    reject: (reason: unknown) => void,
    outcome: DispatchOutcome<T>,
    exchange: Exchange,
  ) {
    this.#resolve = resolve;
    this.#reject = reject;
    this.#outcome = outcome;
    this.#exchange = exchange;
    exchange.onAbort(this.#onAbort);
  }

  onConnect(abort: (error?: Error) => void): void {
    if (this.#state === 'head') this.#abort = abort;
    else abort();
  }

  onHeaders(status: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean {
    if (this.#state !== 'head') return false;
    if (status < 200) return true;
    this.#state = 'body';
    this.#resume = resume;
    const response: HttpResponse = { status, statusText: statusText ?? '', headers: parseHeaders(rawHeaders), body: this };
    queueMicrotask(() => this.#answered(response));
    return true;
  }

  /** Settles the request with what the outcome makes of `response`. */
  #answered(response: HttpResponse): void {
    // Nobody will read a body whose outcome failed: it is let go.
    if (!settleWith(this.#resolve, this.#reject, () => this.#outcome.answered(response))) this.cancel();
  }

  /** Settles the request with what the outcome makes of a failure before any answer. */
  #unanswered(error: unknown): void {
    settleWith(this.#resolve, this.#reject, () => this.#outcome.unanswered(error));
  }

  onData(chunk: Buffer): boolean {
    if (this.#state !== 'body') return true;
    // A reader waiting for the next chunk takes this one at once: only chunks left unread
    // count. Pausing for a chunk about to be read (a full 64 KiB socket read of a large
    // answer) stops and restarts the socket for nothing, and slows the transfer down.
    const taken = this.#wake !== undefined;
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    this.#wakeUp();
    if (taken || this.#buffered <= HIGH_WATER_MARK) return true;
    this.#paused = true;
    return false;
  }

  onComplete(): void {
    if (this.#state !== 'body') return;
    this.#state = 'ended';
    this.#settled();
  }

  onError(error: unknown): void {
    if (this.#state === 'head') queueMicrotask(() => this.#unanswered(error));
    else if (this.#state !== 'body') return;
    // Chunks that arrived before a failure are still read, then the failure is thrown.
    this.#state = 'failed';
    this.#error = error;
    this.#settled();
  }

  /** The exchange was aborted: the reading of its body fails with its reason at once, the request (before its answer) in the next microtask. */
  #aborted(reason: unknown): void {
    if (this.#state === 'head') queueMicrotask(() => this.#unanswered(reason));
    else if (this.#state !== 'body') return;
    this.#state = 'failed';
    this.#error = reason;
    this.#chunks = [];
    this.#buffered = 0;
    this.#settled();
    this.#abort?.();
  }

  #settled(): void {
    this.#exchange?.offAbort(this.#onAbort);
    this.#exchange = undefined;
    this.#wakeUp();
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  textIfEnded(maxBytes: number): string | undefined {
    if (this.#state !== 'ended' || this.#buffered > maxBytes) return undefined;
    const chunks = this.#chunks;
    this.#chunks = [];
    this.#buffered = 0;
    return decode(chunks);
  }

  text(maxBytes: number): Promise<string> {
    if (this.#state !== 'ended') return this.#readText(maxBytes);
    const whole = this.textIfEnded(maxBytes);
    if (whole !== undefined) return Promise.resolve(whole);
    this.cancel();
    return Promise.reject(new BodyTooLargeError(maxBytes));
  }

  async #readText(maxBytes: number): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await this.#next();
      if (done) return decode(chunks);
      size += value.length;
      if (size > maxBytes) {
        this.cancel();
        throw new BodyTooLargeError(maxBytes);
      }
      chunks.push(value);
    }
  }

  cancel(): void {
    this.#chunks = [];
    this.#buffered = 0;
    if (this.#state !== 'body') return;
    this.#state = 'cancelled';
    this.#settled();
    this.#abort?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: () => this.#next(),
      return: () => {
        this.cancel();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }

  async #next(): Promise<IteratorResult<Buffer, undefined>> {
    for (;;) {
      const chunk = this.#chunks.shift();
      if (chunk !== undefined) {
        this.#buffered -= chunk.length;
        if (this.#paused && this.#buffered < HIGH_WATER_MARK) {
          this.#paused = false;
          this.#resume?.();
        }
        return { done: false, value: chunk };
      }
      if (this.#state === 'failed') throw this.#error;
      if (this.#state !== 'body') return { done: true, value: undefined };
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }
}

/**
 * Raw header lines as a record: names in lower case, repeated values joined with ", " as
 * `Headers.get` does. Names go through undici's `headerNameToString`, which finds the common
 * ones (`content-type`, `content-length`, `date`...) in its table of lower-case names without
 * making a string of the bytes or lower-casing it.
 */
function parseHeaders(raw: ReadonlyArray<Buffer | string | ReadonlyArray<Buffer | string>>): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = headerName(raw[i]);
    const value = latin1(raw[i + 1]);
    const earlier = headers[name];
    headers[name] = earlier === undefined ? value : `${earlier}, ${value}`;
  }
  return headers;
}

function headerName(value: Buffer | string | ReadonlyArray<Buffer | string> | undefined): string {
  if (typeof value === 'string' || Buffer.isBuffer(value)) return util.headerNameToString(value);
  return latin1(value).toLowerCase();
}

function latin1(value: Buffer | string | ReadonlyArray<Buffer | string> | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  return value.map(latin1).join(', ');
}
