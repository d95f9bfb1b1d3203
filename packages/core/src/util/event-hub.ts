/** One event with its type, as an `EventHub`'s async iterator yields it. */
export type TaggedEvent<M> = { [K in keyof M]: { type: K } & M[K] }[keyof M];

type Listener<M, K extends keyof M> = (event: M[K]) => void;

/** An event map: event type to payload; every map has an `error` event. */
export type EventMap<M> = { [K in keyof M]: object } & { error: { error: Error } };

/**
 * A small typed event emitter with an async-iterator view, keyed by an event map. A
 * throwing listener is reported as an `error` event.
 */
export class EventHub<M extends EventMap<M>> {
  // Made on first use: most hubs are never listened to or iterated.
  private listeners: Map<keyof M, Set<Listener<M, never>>> | undefined;
  private streams: Set<(event: TaggedEvent<M>) => void> | undefined;

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof M>(type: K, listener: Listener<M, K>): () => void {
    const listeners = (this.listeners ??= new Map<keyof M, Set<Listener<M, never>>>());
    let set = listeners.get(type);
    if (set === undefined) {
      set = new Set();
      listeners.set(type, set);
    }
    const owned = set as Set<Listener<M, K>>;
    owned.add(listener);
    return () => {
      owned.delete(listener);
    };
  }

  /** True when anyone listens to `type`: lets hot paths skip building events. */
  has(type: keyof M): boolean {
    return (this.streams?.size ?? 0) > 0 || (this.listeners?.get(type)?.size ?? 0) > 0;
  }

  /** Delivers an event to its listeners and to every open stream. */
  emit<K extends keyof M>(type: K, event: M[K]): void {
    const set = this.listeners?.get(type) as Set<Listener<M, K>> | undefined;
    if (set) {
      for (const listener of [...set]) {
        try {
          listener(event);
        } catch (error) {
          if (type !== 'error') this.emit('error', { error: error instanceof Error ? error : new Error(String(error)) } as M['error']);
        }
      }
    }
    const streams = this.streams;
    if (streams !== undefined && streams.size > 0) {
      const tagged = { type, ...event } as TaggedEvent<M>;
      for (const push of streams) push(tagged);
    }
  }

  /** Every event from now on, until `signal` aborts or the consumer breaks out. */
  async *stream(signal?: AbortSignal): AsyncGenerator<TaggedEvent<M>> {
    const buffer: TaggedEvent<M>[] = [];
    let wake: (() => void) | undefined;
    const push = (event: TaggedEvent<M>): void => {
      buffer.push(event);
      wake?.();
    };
    const stop = (): void => wake?.();
    const streams = (this.streams ??= new Set<(event: TaggedEvent<M>) => void>());
    streams.add(push);
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
      streams.delete(push);
      signal?.removeEventListener('abort', stop);
    }
  }
}
