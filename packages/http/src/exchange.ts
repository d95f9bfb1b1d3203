/**
 * What stops the HTTP requests made for one message (or one stream): `close()`, a
 * cancellation, the caller's signal, a timeout. It stands in for an `AbortController`, which
 * costs microseconds to create on Node 20 and would be made for every message: hooks run on
 * abort, and an `AbortSignal` is made only for code that needs one (sleeps, a user's `fetch`).
 */
export class Exchange {
  #aborted = false;
  #reason: unknown;
  /** The first hook, apart: an exchange almost always has one (its request's), and then needs no array. */
  #hook: ((reason: unknown) => void) | undefined;
  #hooks: Array<(reason: unknown) => void> | undefined;
  #controller: AbortController | undefined;

  /** Whether `abort()` was called. */
  get aborted(): boolean {
    return this.#aborted;
  }

  /** What `abort()` was called with. */
  get reason(): unknown {
    return this.#reason;
  }

  /** An `AbortSignal` that aborts with the exchange, made on first use. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Stops everything registered with `onAbort`, once; later calls do nothing. */
  abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    const first = this.#hook;
    const hooks = this.#hooks;
    this.#hook = this.#hooks = undefined;
    this.#controller?.abort(reason);
    first?.(reason);
    if (hooks !== undefined) for (const hook of hooks) hook(reason);
  }

  /** Runs `hook` with the reason on abort, or at once if already aborted. */
  onAbort(hook: (reason: unknown) => void): void {
    if (this.#aborted) hook(this.#reason);
    else if (this.#hook === undefined && this.#hooks === undefined) this.#hook = hook;
    else (this.#hooks ??= []).push(hook);
  }

  /** Unregisters a hook given to `onAbort`. */
  offAbort(hook: (reason: unknown) => void): void {
    if (this.#hook === hook) {
      this.#hook = undefined;
      return;
    }
    const hooks = this.#hooks;
    if (hooks === undefined) return;
    const index = hooks.lastIndexOf(hook);
    if (index !== -1) hooks.splice(index, 1);
  }

  /** Aborts with `signal`'s reason when `signal` aborts (at once if it has); returns the function that unlinks them. */
  follow(signal: AbortSignal): () => void {
    if (signal.aborted) {
      this.abort(signal.reason);
      return noop;
    }
    const onAbort = (): void => this.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    return () => signal.removeEventListener('abort', onAbort);
  }
}

function noop(): void {}
