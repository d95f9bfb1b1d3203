interface Waiter {
  resolve(endpoint: URL): void;
  reject(error: unknown): void;
}

/**
 * Where sends get the URL to POST to. Open while a stream is up; shut while a dropped stream
 * is reopened, so sends wait for the new endpoint; failed for good once the transport closes.
 */
export class EndpointGate {
  #endpoint: URL | undefined;
  #failure: Error | undefined;
  readonly #waiters = new Set<Waiter>();

  /** The current endpoint, if the gate is open. */
  get endpoint(): URL | undefined {
    return this.#endpoint;
  }

  /** Opens the gate on `endpoint` (or moves it there) and lets the waiting sends through. */
  open(endpoint: URL): void {
    if (this.#failure) return;
    this.#endpoint = endpoint;
    for (const waiter of this.#waiters) waiter.resolve(endpoint);
    this.#waiters.clear();
  }

  /** Makes later sends wait until the next `open()`. */
  shut(): void {
    this.#endpoint = undefined;
  }

  /** Fails the waiting sends and every later one with `error`. The first failure wins. */
  fail(error: Error): void {
    this.#failure ??= error;
    this.#endpoint = undefined;
    for (const waiter of this.#waiters) waiter.reject(this.#failure);
    this.#waiters.clear();
  }

  /** Resolves with the endpoint once the gate is open; rejects when it fails or `signal` aborts. */
  wait(signal?: AbortSignal): Promise<URL> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#endpoint) return Promise.resolve(this.#endpoint);
    return new Promise<URL>((resolve, reject) => {
      const onAbort = (): void => {
        this.#waiters.delete(waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        resolve: (endpoint) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(endpoint);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      this.#waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
