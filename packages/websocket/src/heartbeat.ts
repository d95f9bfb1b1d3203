/** The part of a `ws` WebSocket the heartbeat uses. */
export interface Pingable {
  ping(): void;
  on(event: 'pong', listener: () => void): unknown;
  off(event: 'pong', listener: () => void): unknown;
}

/** Heartbeat settings. */
export interface HeartbeatSettings {
  /** Milliseconds from one pong (or the start) to the next ping. */
  intervalMs: number;
  /** Milliseconds a ping may wait for its pong. */
  pongTimeoutMs: number;
  /** Called once when a pong is late; the heartbeat has stopped by then. */
  onMissedPong: () => void;
}

/**
 * Pings the server `intervalMs` after the last pong and reports a pong that does not come
 * within `pongTimeoutMs`: the only way to notice a half-open socket, where the peer vanished
 * without a FIN or RST. Its timers are unref'd, so a heartbeat never keeps a process alive.
 */
export class Heartbeat {
  readonly #socket: Pingable;
  readonly #settings: HeartbeatSettings;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #onPong = (): void => {
    if (this.#stopped) return;
    this.#schedule(() => this.#ping(), this.#settings.intervalMs);
  };

  constructor(socket: Pingable, settings: HeartbeatSettings) {
    this.#socket = socket;
    this.#settings = settings;
  }

  /** Schedules the first ping. */
  start(): void {
    this.#socket.on('pong', this.#onPong);
    this.#schedule(() => this.#ping(), this.#settings.intervalMs);
  }

  /** Stops for good; no callback runs afterwards. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#socket.off('pong', this.#onPong);
  }

  #ping(): void {
    this.#schedule(() => {
      this.stop();
      this.#settings.onMissedPong();
    }, this.#settings.pongTimeoutMs);
    this.#socket.ping();
  }

  #schedule(run: () => void, delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(run, delayMs);
    this.#timer.unref();
  }
}
