import type { InputStream } from '../context.js';

/**
 * Ctrl-C on a terminal while the model answers: stdin in raw mode, so that the key reaches mcpx
 * as a character (cancelling the turn) rather than as a signal (ending mcpx). Let go while a
 * question is asked (a form, an approval), whose own reader takes the keys, and taken back after.
 */
export class TurnKeys {
  private listening = false;
  /** Between start() and stop(): whether to listen again once a question set aside is answered. */
  private wanted = false;
  private readonly onData = (chunk: Buffer | string): void => {
    if (String(chunk).includes('\u0003')) this.onInterrupt();
  };

  constructor(
    private readonly stdin: InputStream,
    private readonly onInterrupt: () => void,
  ) {}

  /** Listens for Ctrl-C, on a terminal only. */
  start(): void {
    this.wanted = true;
    this.listen();
  }

  /** Gives the terminal back. */
  stop(): void {
    this.wanted = false;
    this.release();
  }

  /**
   * Runs `work` (a question at the terminal) without listening, then listens again if the turn is
   * still running: a question can outlive its turn, and the prompt's line editor reads the keys then.
   */
  async aside<T>(work: () => Promise<T>): Promise<T> {
    this.release();
    try {
      return await work();
    } finally {
      if (this.wanted) this.listen();
    }
  }

  private listen(): void {
    if (this.listening || this.stdin.isTTY !== true) return;
    this.stdin.setRawMode?.(true);
    this.stdin.on('data', this.onData);
    this.stdin.resume();
    this.listening = true;
  }

  private release(): void {
    if (!this.listening) return;
    this.stdin.off('data', this.onData);
    this.stdin.setRawMode?.(false);
    this.stdin.pause();
    this.listening = false;
  }
}
