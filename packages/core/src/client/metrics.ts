/** Latency statistics in milliseconds. */
export interface LatencyStats {
  count: number;
  min: number;
  mean: number;
  max: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Counters and latencies of one method. */
export interface MethodMetrics {
  total: number;
  succeeded: number;
  failed: number;
  latency: LatencyStats;
}

/** A point-in-time copy of a client's metrics. */
export interface MetricsSnapshot {
  /** Requests sent since the client was created. */
  requestsTotal: number;
  requestsSucceeded: number;
  requestsFailed: number;
  /** Milliseconds since the client connected; 0 before. */
  uptimeMs: number;
  /** Latency over every method. */
  latency: LatencyStats;
  /** Per method. */
  methods: Record<string, MethodMetrics>;
}

/** How many recent latencies each window keeps for percentiles. */
const WINDOW = 1024;
/** The first allocation of a window that got a sample. */
const FIRST_CAPACITY = 4;
/**
 * Latency statistics: min, mean and max over every sample, percentiles over the last 1024.
 * The window grows with the samples, doubling from 4 up to 1024 doubles (8 KiB): a
 * connection that made three requests holds 4 numbers, not 8 KiB (a client holding
 * hundreds of connections pays per sample), and a full window holds exactly 1024. The window
 * is a plain array of doubles, not a `Float64Array`: 4 samples cost 80 bytes of heap that way,
 * against 232 for a typed array with its buffer (three windows a connection).
 */
export class LatencyWindow {
  count = 0;
  private sum = 0;
  private min = Infinity;
  private max = 0;
  /** The samples; `undefined` before the first, then `capacity` long (holes past `length`). */
  private window: number[] | undefined;
  private length = 0;
  private next = 0;

  /** How many samples the window has room for now: 0 before the first, at most 1024. */
  get capacity(): number {
    return this.window?.length ?? 0;
  }

  /** Adds one duration in milliseconds. */
  add(durationMs: number): void {
    this.count++;
    this.sum += durationMs;
    if (durationMs < this.min) this.min = durationMs;
    if (durationMs > this.max) this.max = durationMs;
    let window = this.window;
    if (this.length < WINDOW) {
      if (window === undefined || this.length === window.length) window = this.grow();
      window[this.length++] = durationMs;
      return;
    }
    (window as number[])[this.next] = durationMs;
    this.next = (this.next + 1) % WINDOW;
  }

  /** The statistics so far; zeros before any sample. */
  stats(): LatencyStats {
    if (this.count === 0) return { count: 0, min: 0, mean: 0, max: 0, p50: 0, p95: 0, p99: 0 };
    const sorted = (this.window ?? []).slice(0, this.length).sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
    return { count: this.count, min: this.min, mean: this.sum / this.count, max: this.max, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  }

  private grow(): number[] {
    const old = this.window ?? [];
    const grown = new Array<number>(Math.min(WINDOW, Math.max(FIRST_CAPACITY, old.length * 2)));
    for (let i = 0; i < old.length; i++) grown[i] = old[i] as number;
    this.window = grown;
    return grown;
  }
}

class Series extends LatencyWindow {
  failed = 0;

  record(durationMs: number, ok: boolean): void {
    this.add(durationMs);
    if (!ok) this.failed++;
  }

  get total(): number {
    return this.count;
  }
}

/** Collects request counts and latencies; percentiles cover the last 1024 requests of each method. */
export class Metrics {
  private readonly all = new Series();
  private readonly byMethod = new Map<string, Series>();
  private connectedAt: number | undefined;

  /** Marks the start of uptime. */
  started(): void {
    this.connectedAt = performance.now();
  }

  record(method: string, durationMs: number, ok: boolean): void {
    this.all.record(durationMs, ok);
    let series = this.byMethod.get(method);
    if (series === undefined) {
      series = new Series();
      this.byMethod.set(method, series);
    }
    series.record(durationMs, ok);
  }

  snapshot(): MetricsSnapshot {
    const methods: Record<string, MethodMetrics> = {};
    for (const [method, series] of this.byMethod) {
      methods[method] = { total: series.total, succeeded: series.total - series.failed, failed: series.failed, latency: series.stats() };
    }
    return {
      requestsTotal: this.all.total,
      requestsSucceeded: this.all.total - this.all.failed,
      requestsFailed: this.all.failed,
      uptimeMs: this.connectedAt === undefined ? 0 : performance.now() - this.connectedAt,
      latency: this.all.stats(),
      methods,
    };
  }
}
