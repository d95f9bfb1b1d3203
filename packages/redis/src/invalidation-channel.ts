import type { CacheInvalidation } from '@mcpx/core';
import type { RedisClient } from './client.js';

/**
 * The invalidation `message` carries (the JSON of a `CacheInvalidation`), or undefined for a
 * message that is not one: corrupt JSON, or another program's message on the channel.
 */
export function parseInvalidation(message: string): CacheInvalidation | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { server, method, uri, origin } = parsed as Record<string, unknown>;
  if (typeof server !== 'string' || typeof method !== 'string') return undefined;
  if (uri !== undefined && typeof uri !== 'string') return undefined;
  if (origin !== undefined && typeof origin !== 'string') return undefined;
  return { server, method, ...(uri === undefined ? {} : { uri }), ...(origin === undefined ? {} : { origin }) };
}

/**
 * The subscribing side of a Redis pub/sub channel of invalidations: a connection of its own
 * (`client.duplicate()`, as Redis requires for a subscriber), opened on the first `add` and
 * re-subscribed by node-redis after each reconnection. Messages that are not invalidations are ignored.
 */
export class InvalidationChannel {
  private readonly listeners = new Set<(event: CacheInvalidation) => void>();
  private subscriber: RedisClient | undefined;
  /** Settles once the subscriber is connected and subscribed, or has given up. */
  private opening: Promise<void> | undefined;

  constructor(
    private readonly client: RedisClient,
    readonly name: string,
  ) {}

  /** Calls `listener` with every invalidation on the channel until the returned function is called. */
  add(listener: (event: CacheInvalidation) => void): () => void {
    this.listeners.add(listener);
    this.opening ??= this.open();
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Unsubscribes and closes the subscriber's connection; `add` opens a new one. */
  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.opening = undefined;
    if (subscriber === undefined) return;
    if (subscriber.isReady) await subscriber.close();
    else subscriber.destroy();
  }

  private async open(): Promise<void> {
    const subscriber = this.client.duplicate();
    this.subscriber = subscriber;
    // The subscriber reconnects by itself; its errors show as store failures elsewhere.
    subscriber.on('error', () => undefined);
    try {
      await subscriber.connect();
      await subscriber.subscribe(this.name, (message) => this.deliver(message));
    } catch {
      // Redis was unreachable and the reconnect policy gave up, or close() came first: the next
      // add() tries again; meanwhile this process gets no invalidations from others.
      if (this.subscriber === subscriber) {
        this.subscriber = undefined;
        this.opening = undefined;
        subscriber.destroy();
      }
    }
  }

  private deliver(message: string): void {
    const event = parseInvalidation(message);
    if (event === undefined) return;
    for (const listener of this.listeners) listener(event);
  }
}
