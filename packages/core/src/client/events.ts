import type { TransportDiagnostic } from '../transport.js';

/** The lifecycle states of a client. */
export type ClientState = 'idle' | 'connecting' | 'connected' | 'closing' | 'closed';

/** Everything a client reports, keyed by event type. */
export interface ClientEventMap {
  /** The client moved from one state to another. */
  state: { from: ClientState; to: ClientState; reason?: Error | undefined };
  /** A request went out. */
  request: { method: string; id: string | number };
  /** A request settled: with its duration, and the error when it failed. */
  response: { method: string; id: string | number; durationMs: number; error?: Error | undefined };
  /** A notification arrived from the server. */
  notification: { method: string; params: Record<string, unknown> };
  /** A failure not tied to a request: an invalid message, a throwing listener. */
  error: { error: Error };
  /** A transport diagnostic: a stderr line, a stray stdout line. */
  diagnostic: TransportDiagnostic;
}

/** One event with its type, as yielded by the async iterator. */
export type ClientEvent = { [K in keyof ClientEventMap]: { type: K } & ClientEventMap[K] }[keyof ClientEventMap];

type Listener<K extends keyof ClientEventMap> = (event: ClientEventMap[K]) => void;

/** A small typed event emitter with an async-iterator view. */
export class ClientEvents {
  private readonly listeners = new Map<keyof ClientEventMap, Set<Listener<never>>>();
  private readonly iterators = new Set<(event: ClientEvent) => void>();

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof ClientEventMap>(type: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(type, set);
    }
    const owned = set as Set<Listener<K>>;
    owned.add(listener);
    return () => {
      owned.delete(listener);
    };
  }

  /** True when anyone listens to `type`: lets hot paths skip building events. */
  has(type: keyof ClientEventMap): boolean {
    return this.iterators.size > 0 || (this.listeners.get(type)?.size ?? 0) > 0;
  }

  emit<K extends keyof ClientEventMap>(type: K, event: ClientEventMap[K]): void {
    const set = this.listeners.get(type) as Set<Listener<K>> | undefined;
    if (set) {
      for (const listener of set) {
        try {
          listener(event);
        } catch (error) {
          if (type !== 'error') this.emit('error', { error: error instanceof Error ? error : new Error(String(error)) });
        }
      }
    }
    if (this.iterators.size > 0) {
      const tagged = { type, ...event } as ClientEvent;
      for (const push of this.iterators) push(tagged);
    }
  }

  /** Every event from now on, until `signal` aborts or the consumer breaks out. */
  async *stream(signal?: AbortSignal): AsyncGenerator<ClientEvent> {
    const buffer: ClientEvent[] = [];
    let wake: (() => void) | undefined;
    const push = (event: ClientEvent): void => {
      buffer.push(event);
      wake?.();
    };
    const stop = (): void => wake?.();
    this.iterators.add(push);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      while (!signal?.aborted) {
        const next = buffer.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      this.iterators.delete(push);
      signal?.removeEventListener('abort', stop);
    }
  }
}
