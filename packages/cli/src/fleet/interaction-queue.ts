/**
 * The questions servers ask at the terminal (forms, URLs), one at a time: each waits for the one
 * before it. `idle()` resolves once the last one asked so far is over, so that mcpx can ask its
 * own question without two readers on stdin.
 */
export class InteractionQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * @param around wraps each question: `mcpx chat` lets go of the terminal's keys while a
   * question is asked, and takes them back after. @default runs the question as it is
   */
  constructor(private readonly around: <T>(work: () => Promise<T>) => Promise<T> = (work) => work()) {}

  /** Runs `work` after the work queued before it, failed or not. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const wrapped = (): Promise<T> => this.around(work);
    const next = this.tail.then(wrapped, wrapped);
    // The caller gets this work's failure from next; the queue only orders the work after it.
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every question queued so far is over. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
