import { EventHub, type TaggedEvent } from '../util/event-hub.js';
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
export type ClientEvent = TaggedEvent<ClientEventMap>;

/** The client's emitter. */
export class ClientEvents extends EventHub<ClientEventMap> {}
