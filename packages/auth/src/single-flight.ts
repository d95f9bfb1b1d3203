/** What a token operation is for. Requests that wait for one of their own kind share its failure. */
export type OperationKind = 'refresh' | 'login' | 'step-up';

/** A token operation running, on its own controller. */
interface Running {
  kind: OperationKind;
  promise: Promise<void>;
  controller: AbortController;
  /** Those waiting for it; the last one to give up ends it. */
  waiters: number;
}

/**
 * The one token operation (a refresh, a login, a step-up) a provider runs at a time; the
 * requests that need one while it runs wait for it instead of starting their own. The
 * operation runs on its own controller, not on the signal of the request that started it:
 * each waiter stops waiting when its own signal aborts, and the operation is aborted only
 * when every waiter has given up, so a login the user is finishing in the browser survives
 * the request that started it.
 */
export class SingleFlight {
  #running: Running | undefined;

  /** The kind of the operation running, if any. */
  get running(): OperationKind | undefined {
    return this.#live()?.kind;
  }

  /**
   * Runs `operation` unless one is running, in which case waits for that one instead; either way
   * stops waiting, rejecting with its reason, when `signal` aborts.
   */
  run(kind: OperationKind, operation: (signal: AbortSignal) => Promise<void>, signal?: AbortSignal): Promise<void> {
    if (this.#live() !== undefined) return this.join(kind, signal);
    const controller = new AbortController();
    const running: Running = { kind, controller, waiters: 0, promise: operation(controller.signal) };
    this.#running = running;
    const end = (): void => {
      if (this.#running === running) this.#running = undefined;
    };
    running.promise.then(end, end);
    return this.#wait(running, signal);
  }

  /**
   * Waits for the running operation, or until `signal` aborts. Rejects with the operation's
   * failure when it was of `kind` (a declined login fails every request that waited for it
   * rather than starting another); one of another kind failing leaves the waiter to try again.
   */
  async join(kind: OperationKind, signal?: AbortSignal): Promise<void> {
    const running = this.#live();
    if (running === undefined) return;
    try {
      await this.#wait(running, signal);
    } catch (error) {
      if (running.kind === kind || signal?.aborted === true) throw error;
    }
  }

  /** Resolves once no operation runs, whatever their outcome. */
  async idle(): Promise<void> {
    // Each operation reports its failure to its own callers; this only waits for them to end.
    while (this.#running !== undefined) await this.#running.promise.catch(() => undefined);
  }

  /** The operation running, unless every waiter gave it up: it is only winding down then. */
  #live(): Running | undefined {
    return this.#running?.controller.signal.aborted === true ? undefined : this.#running;
  }

  #wait(running: Running, signal: AbortSignal | undefined): Promise<void> {
    running.waiters++;
    return new Promise<void>((resolve, reject) => {
      let waiting = true;
      const stop = (): boolean => {
        if (!waiting) return false;
        waiting = false;
        running.waiters--;
        signal?.removeEventListener('abort', leave);
        return true;
      };
      const leave = (): void => {
        if (!stop()) return;
        if (running.waiters === 0) running.controller.abort(signal?.reason);
        reject(signal?.reason as Error);
      };
      if (signal?.aborted === true) return leave();
      signal?.addEventListener('abort', leave, { once: true });
      running.promise.then(
        () => stop() && resolve(),
        (error: unknown) => stop() && reject(error as Error),
      );
    });
  }
}
