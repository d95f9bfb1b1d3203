import { CancelledError } from '../errors/cancelled-error.js';
import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import { ProtocolError } from '../errors/protocol-error.js';
import type { RequestId } from '../jsonrpc/messages.js';
import type { NotificationFilter } from '../era/era-session.js';
import { exponentialBackoff, type BackoffPolicy } from '../util/backoff.js';
import { SUBSCRIPTION_ID_KEY } from './meta-keys.js';

/** Opens one `subscriptions/listen` request; resolves when the server ends it gracefully. */
export type OpenListen = (filter: NotificationFilter, signal: AbortSignal, onid: (id: RequestId) => void) => Promise<unknown>;

interface Stream {
  readonly controller: AbortController;
  id: RequestId | undefined;
  readonly acknowledged: Promise<void>;
  acknowledge(filter: unknown): void;
  /** Whether its filter names tasks, which a server may refuse while it takes the rest. */
  readonly withTasks: boolean;
}

/**
 * Keeps one `subscriptions/listen` stream open with the union of what the caller subscribed
 * to: reopened when the subscriptions change, when the server ends it, or when it drops while
 * the connection lives (with backoff). Notifications are told apart by their subscription id.
 * The subscriptions outlive a connection: `resume` reopens them over the next one.
 */
export class ListenManager {
  private readonly flags = { toolsListChanged: false, promptsListChanged: false, resourcesListChanged: false };
  private readonly uris = new Set<string>();
  /** The tasks subscribed to, each with how many subscribed to it (a task may have several handles). */
  private readonly tasks = new Map<string, number>();
  /**
   * Whether the server refused a stream that named tasks (SEP-2663's `taskIds`, say with -32602 or
   * -32021): task subscriptions are best effort, so the stream is opened without them from then on
   * (for this manager's life) and the tasks' handles rely on polling.
   */
  private refusesTasks = false;
  private stream: Stream | undefined;
  private failures = 0;
  private stopped = false;
  /** How the stream opens over the current connection; undefined before the first `resume`. */
  private open: OpenListen | undefined;

  constructor(
    private readonly onError: (error: Error) => void,
    private readonly backoff: BackoffPolicy = exponentialBackoff({ initialMs: 250, maxMs: 30_000 }),
  ) {}

  /** The filter of the stream that should be open. */
  filter(): NotificationFilter {
    const filter: NotificationFilter = {};
    for (const [key, on] of Object.entries(this.flags)) if (on) filter[key as keyof typeof this.flags] = true;
    if (this.uris.size > 0) filter.resourceSubscriptions = [...this.uris].sort();
    if (this.tasks.size > 0 && !this.refusesTasks) filter.taskIds = [...this.tasks.keys()].sort();
    return filter;
  }

  /** Adds to the subscriptions; resolves once the server acknowledged the new stream. */
  subscribe(filter: NotificationFilter): Promise<void> {
    return this.change(filter, true);
  }

  /** Removes from the subscriptions. */
  unsubscribe(filter: NotificationFilter): Promise<void> {
    return this.change(filter, false);
  }

  /** True when `params` belong to a notification of the current stream (or carry no subscription id). */
  accepts(params: Record<string, unknown>): boolean {
    const meta = params._meta as Record<string, unknown> | undefined;
    const id = meta?.[SUBSCRIPTION_ID_KEY];
    return id === undefined || id === this.stream?.id;
  }

  /** Handles `notifications/subscriptions/acknowledged`. */
  acknowledged(params: Record<string, unknown>): void {
    if (this.accepts(params)) this.stream?.acknowledge(params.notifications);
  }

  /** Reopens the stream over a new connection, opened with `open`, if anything is subscribed. */
  resume(open: OpenListen): Promise<void> {
    this.open = open;
    this.stopped = false;
    return this.reopen();
  }

  /** Closes the stream for good (the client is closing). */
  stop(): void {
    this.stopped = true;
    this.stream?.controller.abort('the client is closing');
    this.stream = undefined;
  }

  private change(filter: NotificationFilter, on: boolean): Promise<void> {
    const before = JSON.stringify(this.filter());
    for (const key of ['toolsListChanged', 'promptsListChanged', 'resourcesListChanged'] as const) if (filter[key]) this.flags[key] = on;
    for (const uri of filter.resourceSubscriptions ?? []) {
      if (on) this.uris.add(uri);
      else this.uris.delete(uri);
    }
    for (const taskId of filter.taskIds ?? []) {
      const count = (this.tasks.get(taskId) ?? 0) + (on ? 1 : -1);
      if (count > 0) this.tasks.set(taskId, count);
      else this.tasks.delete(taskId);
    }
    if (JSON.stringify(this.filter()) === before && this.stream) return this.stream.acknowledged;
    return this.reopen();
  }

  private reopen(): Promise<void> {
    this.stream?.controller.abort('the subscriptions changed');
    this.stream = undefined;
    const filter = this.filter();
    const open = this.open;
    if (this.stopped || open === undefined || Object.keys(filter).length === 0) return Promise.resolve();
    let acknowledge!: () => void;
    let fail!: (error: Error) => void;
    const acknowledged = new Promise<void>((resolve, reject) => {
      acknowledge = resolve;
      fail = reject;
    });
    // Whoever awaits the acknowledgement still sees a failure; the stream reports it through onError too, so an unawaited one is not lost.
    acknowledged.catch(() => undefined);
    const withTasks = filter.taskIds !== undefined;
    const stream: Stream = { controller: new AbortController(), id: undefined, acknowledged, acknowledge: () => acknowledge(), withTasks };
    this.stream = stream;
    open(filter, stream.controller.signal, (id) => (stream.id = id)).then(
      () => this.ended(stream, undefined, acknowledge, fail),
      (error: unknown) => this.ended(stream, error instanceof Error ? error : new Error(String(error)), acknowledge, fail),
    );
    return acknowledged;
  }

  private ended(stream: Stream, error: Error | undefined, acknowledge: () => void, fail: (error: Error) => void): void {
    if (this.stream !== stream) return;
    this.stream = undefined;
    if (stream.withTasks && ProtocolError.isInstance(error)) {
      // The server refused the stream, maybe for its tasks: reopened at once without them, which settles who awaits this one.
      this.refusesTasks = true;
      this.reopen().then(acknowledge, fail);
      return;
    }
    if (error !== undefined) fail(error);
    if (this.stopped || CancelledError.isInstance(error) || ConnectionClosedError.isInstance(error)) return;
    if (error !== undefined) this.onError(error);
    const delay = this.backoff(this.failures++);
    if (delay === undefined) return;
    setTimeout(() => {
      if (this.stream === undefined && !this.stopped)
        // A failed reopen ends its stream, which reports the error and plans the next try.
        void this.reopen().then(
          () => (this.failures = 0),
          () => undefined,
        );
    }, delay).unref?.();
  }
}
