/** The longest wait a Node timer takes (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** Which limit of a request ran out: the idle timeout (progress may push it back) or the total cap. */
export type DeadlineKind = 'idle' | 'total';

/**
 * The time limits of one request, in `performance.now()` milliseconds: an idle deadline that
 * progress may push back, and an optional total cap that nothing pushes back.
 */
export class Deadline<K> {
  /** When the idle timeout runs out; Infinity when there is none. */
  idleAt: number;
  /** When the total cap runs out; Infinity when there is none. */
  readonly totalAt: number;
  /** False once cleared or expired. */
  watched = true;

  constructor(
    readonly key: K,
    private readonly owner: DeadlineTimer<K>,
    readonly idleMs: number,
    readonly totalMs: number,
    now: number,
  ) {
    this.idleAt = now + idleMs;
    this.totalAt = now + totalMs;
  }

  /** Restarts the idle timeout; the total cap keeps running. */
  touch(): void {
    this.idleAt = performance.now() + this.idleMs;
  }

  /** Stops watching this request. */
  clear(): void {
    if (!this.watched) return;
    this.watched = false;
    this.owner.removed();
  }
}

/**
 * The deadlines of every request of one connection behind one timer, armed for the earliest
 * of them. Most requests are answered long before their deadline, so starting or settling one
 * costs no timer: the timer is re-armed only when a new deadline comes before the armed one,
 * and when it fires (then it looks at every request in flight, through `watched`). It keeps
 * the process alive exactly while some deadline is watched, as a timer per request did.
 */
export class DeadlineTimer<K> {
  private timer: NodeJS.Timeout | undefined;
  /** When the timer fires; Infinity when it is not armed. */
  private armedAt = Infinity;
  private live = 0;

  constructor(
    private readonly onExpire: (key: K, kind: DeadlineKind, ms: number) => void,
    /** The deadlines of the requests in flight (those made by `start` and not yet cleared, among others). */
    private readonly watched: () => Iterable<Deadline<K> | undefined>,
  ) {}

  /** Watches a request started at `now`; undefined when neither limit is finite. */
  start(key: K, timeoutMs: number, maxTotalTimeoutMs: number | undefined, now: number): Deadline<K> | undefined {
    const idleMs = Number.isFinite(timeoutMs) ? timeoutMs : Infinity;
    const totalMs = maxTotalTimeoutMs !== undefined && Number.isFinite(maxTotalTimeoutMs) ? maxTotalTimeoutMs : Infinity;
    if (idleMs === Infinity && totalMs === Infinity) return undefined;
    const deadline = new Deadline(key, this, idleMs, totalMs, now);
    if (this.live++ === 0) this.timer?.ref();
    const dueAt = Math.min(deadline.idleAt, deadline.totalAt);
    if (dueAt < this.armedAt) this.arm(dueAt, now);
    return deadline;
  }

  /** A deadline was cleared: with none left, the timer stays armed but no longer holds the process open. */
  removed(): void {
    if (--this.live === 0) this.timer?.unref();
  }

  /** Stops the timer (the connection closed). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = Infinity;
  }

  private arm(dueAt: number, now: number): void {
    clearTimeout(this.timer);
    this.armedAt = dueAt;
    // A deadline further away than a timer can wait is looked at again when that wait ends.
    this.timer = setTimeout(() => this.fire(), Math.min(MAX_TIMER_MS, Math.max(1, Math.ceil(dueAt - now))));
  }

  private fire(): void {
    this.timer = undefined;
    this.armedAt = Infinity;
    const now = performance.now();
    const due: Array<[Deadline<K>, DeadlineKind]> = [];
    let next = Infinity;
    for (const deadline of this.watched()) {
      if (deadline?.watched !== true) continue;
      if (deadline.totalAt <= now) due.push([deadline, 'total']);
      else if (deadline.idleAt <= now) due.push([deadline, 'idle']);
      else next = Math.min(next, deadline.idleAt, deadline.totalAt);
    }
    for (const [deadline] of due) deadline.clear();
    if (next !== Infinity) this.arm(next, now);
    // Each request expires whatever another's expiry throws; the first error is rethrown after
    // them all, as the timer callback of that request alone would have thrown it.
    let failure: { error: unknown } | undefined;
    for (const [deadline, kind] of due) {
      try {
        this.onExpire(deadline.key, kind, kind === 'idle' ? deadline.idleMs : deadline.totalMs);
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure !== undefined) throw failure.error;
  }
}
