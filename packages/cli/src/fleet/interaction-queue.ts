/**
 * The questions servers ask at the terminal (forms, URLs), one at a time: each waits for the one
 * before it. `idle()` resolves once the last one asked so far is over, so that mcpx can ask its
 * own question without two readers on stdin.
 */
export class InteractionQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after the work queued before it, failed or not. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    // The caller gets this work's failure from next; the queue only orders the work after it.
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every question queued so far is over. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
