/** What a token operation is for. Requests that wait for one of their own kind share its failure. */
export type OperationKind = 'refresh' | 'login' | 'step-up';

/** A token operation running. */
interface Running {
  kind: OperationKind;
  promise: Promise<void>;
}

/**
 * The one token operation (a refresh, a login, a step-up) a provider runs at a time; the
 * requests that need one while it runs wait for it instead of starting their own.
 */
export class SingleFlight {
  #running: Running | undefined;

  /** The kind of the operation running, if any. */
  get running(): OperationKind | undefined {
    return this.#running?.kind;
  }

  /** Runs `operation` unless one is running, in which case waits for that one instead. */
  run(kind: OperationKind, operation: () => Promise<void>): Promise<void> {
    if (this.#running !== undefined) return this.join(kind);
    const running: Running = { kind, promise: operation() };
    this.#running = running;
    const end = (): void => {
      if (this.#running === running) this.#running = undefined;
    };
    running.promise.then(end, end);
    return running.promise;
  }

  /**
   * Waits for the running operation. Rejects with its failure when it was of `kind` (a declined
   * login fails every request that waited for it rather than starting another); one of another
   * kind failing leaves the waiter to try again.
   */
  async join(kind: OperationKind): Promise<void> {
    const running = this.#running;
    if (running === undefined) return;
    try {
      await running.promise;
    } catch (error) {
      if (running.kind === kind) throw error;
    }
  }

  /** Resolves once no operation runs, whatever their outcome. */
  async idle(): Promise<void> {
    while (this.#running !== undefined) await this.#running.promise.catch(() => undefined);
  }
}
