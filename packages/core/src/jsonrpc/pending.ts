import { NumberTable } from '../util/number-table.js';
import type { Deadline } from './deadline.js';
import type { RequestId } from './messages.js';

/** Progress reported by the peer for a request in flight. */
export interface Progress {
  /** Work done so far; increases with every notification. */
  progress: number;
  /** Total work, when known. */
  total?: number | undefined;
  /** A human-readable status line. */
  message?: string | undefined;
}

/** One request waiting for its response. */
export interface PendingRequest {
  readonly id: number;
  readonly method: string;
  readonly startedAt: number;
  readonly resolve: (result: Record<string, unknown>) => void;
  readonly reject: (error: Error) => void;
  readonly onprogress: ((progress: Progress) => void) | undefined;
  readonly resetTimeoutOnProgress: boolean;
  readonly deadline: Deadline<RequestId> | undefined;
  unsubscribeAbort: (() => void) | undefined;
}

/**
 * Correlates responses with requests: allocates ids and settles each request once. The ids are
 * integers from 0, and an answer whose id is anything else (a string such as `"1"` among them)
 * matches no request. Kept in a `NumberTable`, not a `Map`: see there for what a `Map` with
 * this churn costs on Node 20.
 */
export class PendingRequests {
  private nextId = 0;
  private readonly entries = new NumberTable<PendingRequest>();

  /** A fresh id, never reused on this connection. */
  allocateId(): number {
    return this.nextId++;
  }

  add(entry: PendingRequest): void {
    this.entries.set(entry.id, entry);
  }

  get(id: RequestId): PendingRequest | undefined {
    return this.entries.get(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Removes the request and stops its timers and abort subscription; undefined when already settled. */
  take(id: RequestId): PendingRequest | undefined {
    const entry = this.entries.delete(id);
    if (entry === undefined) return undefined;
    entry.deadline?.clear();
    entry.unsubscribeAbort?.();
    return entry;
  }

  /** The deadlines of the requests waiting. */
  *deadlines(): Iterable<Deadline<RequestId> | undefined> {
    for (const entry of this.entries.values()) yield entry.deadline;
  }

  /** Removes and returns every request still waiting. */
  drain(): PendingRequest[] {
    const all = [...this.entries.values()];
    for (const entry of all) this.take(entry.id);
    return all;
  }
}
