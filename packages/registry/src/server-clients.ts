import { ConnectionClosedError, type McpClient } from '@mcpx/core';
import type { CatalogKind } from './catalog.js';
import type { Clock } from './clock.js';
import { startConnect, type ConnectAttempt, type ConnectFn } from './connect-attempt.js';
import { watchListChanges } from './list-changes.js';
import { asError } from './reasons.js';
import type { ConnectOutcome } from './server-view.js';

/** How one server connects. */
export interface ConnectSettings {
  server: string;
  connect: ConnectFn;
  /** How long an attempt may take, in milliseconds. */
  timeoutMs: number;
  clock: Clock;
  /** How a `ConnectTimeoutError` names the timeout. */
  setting?: string | undefined;
}

/**
 * How a connection attempt ended: a client (not held yet), an error, or abandoned by `abandon()`
 * (with its error when it failed; a client it delivered is closed).
 */
export type AttemptResult =
  { kind: 'client'; client: McpClient } | { kind: 'error'; error: Error } | { kind: 'abandoned'; error?: Error | undefined };

/** What a server does with the events of the client it holds. */
export interface HeldClientHooks {
  /** The client closed while held: the connection was lost. */
  lost: (reason: Error) => void;
  /** The server said one of its lists changed. */
  listChanged: (kind: CatalogKind) => void;
  /** Watching for list changes failed (a subscription the server refused...). */
  watchError: (error: Error) => void;
  /** A response arrived after `durationMs`; `ok` unless it was an error. */
  response: (durationMs: number, ok: boolean) => void;
}

const nothing = (): void => undefined;

/**
 * A server's clients: the one being connected (one attempt at a time), the one it holds while
 * up with the listeners it put on it, and those it closed until they are gone. A new attempt
 * waits for those, and the registry's close for them and for abandoned attempts.
 */
export class ServerClients {
  private attempt: ConnectAttempt | undefined;
  private attemptDone: Promise<ConnectOutcome> | undefined;
  private client: McpClient | undefined;
  private since: number | undefined;
  private detach: Array<() => void> = [];
  /** Stops counting the responses of the held client; kept apart so calls cut off by our own close still count. */
  private detachStats: () => void = nothing;
  /** Settles when the clients closed so far are gone. */
  private retired: Promise<void> = Promise.resolve();
  private readonly lingering = new Set<Promise<void>>();

  constructor(private readonly settings: ConnectSettings) {}

  /** The outcome of the attempt under way, if any. */
  get pending(): Promise<ConnectOutcome> | undefined {
    return this.attemptDone;
  }

  /** The held client, if any. */
  get current(): McpClient | undefined {
    return this.client;
  }

  /** When the held client was adopted, in milliseconds since the epoch. */
  get connectedAt(): number | undefined {
    return this.since;
  }

  /** Settles once every client closed so far is gone. */
  get gone(): Promise<void> {
    return this.retired;
  }

  /**
   * Starts an attempt, which connects once the clients closed so far are gone, and resolves with
   * what `settle` makes of its result; `pending` gives that outcome until it settles.
   */
  connect(settle: (result: AttemptResult) => ConnectOutcome): Promise<ConnectOutcome> {
    const { server, connect, timeoutMs, clock, setting } = this.settings;
    const retired = this.retired;
    const attempt = startConnect(
      server,
      async (signal) => {
        await retired;
        signal.throwIfAborted();
        return connect(signal);
      },
      timeoutMs,
      clock,
      setting,
    );
    this.attempt = attempt;
    this.linger(attempt.settled);
    const done = attempt.client.then(
      (client) => {
        if (this.attempt !== attempt) {
          this.retire(client);
          return settle({ kind: 'abandoned' });
        }
        this.attempt = undefined;
        return settle({ kind: 'client', client });
      },
      (error: unknown) => {
        if (this.attempt !== attempt) return settle({ kind: 'abandoned', error: asError(error) });
        this.attempt = undefined;
        return settle({ kind: 'error', error: asError(error) });
      },
    );
    this.attemptDone = done;
    const forget = (): void => {
      if (this.attemptDone === done) this.attemptDone = undefined;
    };
    done.then(forget, forget);
    return done;
  }

  /** Gives up the attempt under way, if any: its `connect()` sees its signal abort with `reason`. */
  abandon(reason: Error): void {
    this.attempt?.abort(reason);
    this.attempt = undefined;
    this.attemptDone = undefined;
  }

  /** Holds `client`, adopted at `at`, and tells `hooks` of its events until it is released. */
  hold(client: McpClient, at: number, hooks: HeldClientHooks): void {
    const { server } = this.settings;
    this.client = client;
    this.since = at;
    this.detach = [
      client.on('state', (event) => {
        if (event.to === 'closed' && this.client === client)
          hooks.lost(event.reason ?? new ConnectionClosedError('the connection closed', { server }));
      }),
      watchListChanges(client, hooks.listChanged, hooks.watchError),
    ];
    this.detachStats = client.on('response', (event) => hooks.response(event.durationMs, event.error === undefined));
  }

  /** Forgets the held client without closing it and removes its listeners; returns what stops counting its responses. */
  release(): () => void {
    for (const off of this.detach.splice(0)) off();
    const detachStats = this.detachStats;
    this.detachStats = nothing;
    this.client = undefined;
    this.since = undefined;
    return detachStats;
  }

  /** Closes a client no longer used, counting the calls it cuts off until `detachStats`; `gone` waits for it. */
  retire(client: McpClient, detachStats: () => void = nothing): void {
    const closing = client
      .close()
      // A client that fails to close is gone all the same: nothing is left to do with it.
      .catch(() => undefined)
      .finally(detachStats);
    this.retired = Promise.all([this.retired, closing]).then(() => undefined);
    this.linger(closing);
  }

  /** Releases the held client, if any, and closes it as `retire()` does. */
  retireHeld(): void {
    const client = this.client;
    if (client !== undefined) this.retire(client, this.release());
  }

  /** Settles once closing clients and abandoned attempts have settled, or at `deadline`. */
  async settled(deadline: Promise<void>): Promise<void> {
    await Promise.race([Promise.all([...this.lingering]), deadline]);
  }

  private linger(work: Promise<void>): void {
    this.lingering.add(work);
    const forget = (): void => void this.lingering.delete(work);
    work.then(forget, forget);
  }
}
