import { truncate, type OutputStream } from '../output/style.js';

/**
 * One line at the bottom of a terminal that is redrawn in place (a progress bar). Disabled,
 * it writes nothing, so callers need not check. `hold` clears it while something else writes.
 */
export class StatusLine {
  private shown = false;
  private text = '';
  private held = 0;

  constructor(
    private readonly stream: OutputStream,
    readonly enabled: boolean,
  ) {}

  /** Draws `text` in place of the previous line. */
  show(text: string): void {
    this.text = text;
    if (!this.enabled || this.held > 0) return;
    const width = (this.stream.columns ?? 80) - 1;
    this.stream.write(`\r${truncate(text, width)}\u001b[K`);
    this.shown = true;
  }

  /** Removes the line. */
  clear(): void {
    this.text = '';
    this.erase();
  }

  /** Runs `work` with the line cleared, then draws it again. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    this.erase();
    this.held++;
    try {
      return await work();
    } finally {
      this.held--;
      if (this.held === 0 && this.text !== '') this.show(this.text);
    }
  }

  private erase(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}
