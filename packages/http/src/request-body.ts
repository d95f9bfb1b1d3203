import { Buffer } from 'node:buffer';
import { Agent, Client, Pool, type Dispatcher } from 'undici';

/** Bodies from this many characters (UTF-16 code units) on are encoded here: at least 64 KiB each. */
const LARGE_FROM = 64 * 1024;

/** The largest body kept past its request: a bound on the memory the hold costs. */
const KEEP_UP_TO = 8 * 1024 * 1024;

/** How long the last large body is kept when no other follows it. */
const KEEP_FOR_MS = 10_000;

/** The prototypes of undici's own dispatchers, from the undici this package depends on. */
const PLAIN_DISPATCHERS: ReadonlySet<unknown> = new Set([Agent.prototype, Pool.prototype, Client.prototype]);

/**
 * Whether `dispatcher` is an `Agent`, `Pool` or `Client` of this package's undici, as made: not
 * a subclass, a `MockAgent`, a `ProxyAgent` or another copy of undici's classes, and not
 * composed with interceptors (`compose()` wraps it in a proxy whose `dispatch` is another
 * function), so that only undici reads the body. An `Agent` given a `factory` is not told apart:
 * what its pools are composed with sees the bytes.
 */
function isPlain(dispatcher: Dispatcher): boolean {
  const prototype: unknown = Object.getPrototypeOf(dispatcher);
  return PLAIN_DISPATCHERS.has(prototype) && dispatcher.dispatch === (prototype as Dispatcher).dispatch;
}

/**
 * Keeps the last large body sent until the next one, or for `keepForMs` after it. A class, not
 * a variable: nothing reads the body outside tests, and the bundler drops writes to a variable
 * (or a plain object's property) that nothing reads.
 */
export class LastLargeBody {
  #body: Buffer | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly keepForMs: number) {}

  /** Keeps `body`, letting go of the one kept before, and of `body` after `keepForMs` unless another comes. */
  hold(body: Buffer): void {
    this.#body = body;
    // A timer a hold, not one refreshed: one made under a test's fake clock would never fire once the clock is gone.
    clearTimeout(this.#timer);
    const timer = setTimeout(() => {
      if (this.#timer !== timer) return;
      this.#body = undefined;
      this.#timer = undefined;
    }, this.keepForMs);
    // Keeps no process alive.
    timer.unref();
    this.#timer = timer;
  }

  /** The body kept, if any. */
  get body(): Buffer | undefined {
    return this.#body;
  }
}

const kept = new LastLargeBody(KEEP_FOR_MS);

/**
 * The body to dispatch for a request's `text`. A text of 64 Ki characters or more, sent through
 * one of undici's own dispatchers (an `Agent`, `Pool` or `Client` as made, see `isPlain`), is
 * encoded to UTF-8 here, as undici would, and the last such body (up to 8 MiB) is kept until the
 * next one or for 10 seconds: freeing each large body let glibc shrink its heap after a round
 * trip and fault it back in at the next, and the kept body holds the heap at its working size.
 * It is never reused or changed. Any other dispatcher (a `MockAgent`, a `ProxyAgent`, one
 * composed with interceptors) gets the text, as before: what it matches or reads stays a string.
 */
export function requestBody(text: string | undefined, dispatcher: Dispatcher): string | Buffer | null {
  if (text === undefined || text.length < LARGE_FROM || !isPlain(dispatcher)) return text ?? null;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= KEEP_UP_TO) kept.hold(bytes);
  return bytes;
}

/** The body `requestBody` keeps, for tests. */
export function keptRequestBody(): Buffer | undefined {
  return kept.body;
}
