import type { OutputWatch } from '../connect/output-watch.js';
import type { EngineObserver } from '../jsonrpc/engine.js';
import type { RequestId } from '../jsonrpc/messages.js';
import { EventHub } from '../util/event-hub.js';
import type { Metrics } from './metrics.js';
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
  /**
   * A failure the client worked around: the response cache's store or the era cache's store failed
   * or was slow, so calls go to the server uncached (or the server is probed for its era). Emitted
   * once per outage of a store, and again only after it answered in between.
   */
  warning: { error: Error };
  /** A transport diagnostic: a stderr line, a stray stdout line. */
  diagnostic: TransportDiagnostic;
}

/** One event with its type, as yielded by the async iterator. */
export type ClientEvent = { [K in keyof ClientEventMap]: { type: K } & ClientEventMap[K] }[keyof ClientEventMap];

/** The client's emitter. */
export class ClientEvents extends EventHub<ClientEventMap> {}

/**
 * Feeds a client's metrics and its `request` / `response` events from the engine's traffic, building
 * events only when someone listens, and tells the handshake's output watch that a message arrived.
 * A class, so that a connection makes one object for it and no closures.
 */
export class TrafficObserver implements EngineObserver {
  constructor(
    private readonly emitter: ClientEvents,
    private readonly stats: Metrics,
    private readonly watch: OutputWatch,
  ) {}

  requestSent(method: string, id: RequestId): void {
    if (this.emitter.has('request')) this.emitter.emit('request', { method, id });
  }

  requestSettled(method: string, id: RequestId, durationMs: number, error: Error | undefined): void {
    this.stats.record(method, durationMs, error === undefined);
    if (this.emitter.has('response')) this.emitter.emit('response', { method, id, durationMs, error });
  }

  messageReceived(): void {
    this.watch.message();
  }
}
