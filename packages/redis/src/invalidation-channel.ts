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
 * re-subscribed by node-redis after each reconnection. Messages that are not invalidations are
 * ignored. A subscription that fails (an ACL user without access to the channel: `NOPERM`) is
 * reported through `onError` and kept, so that the store's next operation rejects with it once
 * (`throwFailure`): the client warns instead of going on deaf to other processes.
 */
export class InvalidationChannel {
  private readonly listeners = new Set<(event: CacheInvalidation) => void>();
  private subscriber: RedisClient | undefined;
  /** Settles once the subscriber is connected and subscribed, or has given up. */
  private opening: Promise<void> | undefined;
  /** Why the last subscription failed, until the store's next operation reports it. */
  private failure: Error | undefined;
  private closed = false;

  constructor(
    private readonly client: RedisClient,
    readonly name: string,
    /** Called when subscribing fails or a listener throws. */
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  /**
   * Calls `listener` with every invalidation on the channel until the returned function is called.
   * Throws once the channel is closed: `close()` is final.
   */
  add(listener: (event: CacheInvalidation) => void): () => void {
    if (this.closed) throw new Error(`the Redis cache store was closed (close()): it no longer carries invalidations on "${this.name}"`);
    this.listeners.add(listener);
    this.opening ??= this.open();
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Throws, once, why the last subscription failed, and subscribes again when someone listens: the
   * store calls it before its reads and publications, so that the failure shows where the client watches.
   */
  throwFailure(): void {
    const failure = this.failure;
    if (failure === undefined) return;
    this.failure = undefined;
    if (this.listeners.size > 0 && !this.closed) this.opening ??= this.open();
    throw failure;
  }

  /** Unsubscribes and closes the subscriber's connection, for good: a later `add` throws. */
  async close(): Promise<void> {
    this.closed = true;
    this.failure = undefined;
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
    } catch (error) {
      // Redis refused the subscription (NOPERM), was unreachable and the reconnect policy gave up,
      // or close() came first. Meanwhile this process gets no invalidations from others.
      if (this.subscriber === subscriber) {
        this.subscriber = undefined;
        this.opening = undefined;
        subscriber.destroy();
        const reason = error instanceof Error ? error.message : String(error);
        this.failure = new Error(
          `could not subscribe to the invalidations on "${this.name}" (${reason}); this process does not hear the others' until it can`,
          {
            cause: error,
          },
        );
        this.onError(this.failure);
      }
    }
  }

  private deliver(message: string): void {
    const event = parseInvalidation(message);
    if (event === undefined) return;
    // One listener that throws must not keep the invalidation from the others.
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onError(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}
