/** A wait for one elicitation's completion notification. */
export interface CompletionWait {
  /** Resolves when the server says the elicitation completed. */
  readonly completion: Promise<void>;
  /** Stops waiting: a later notification for the id is ignored. */
  release(): void;
}

/**
 * Correlates `notifications/elicitation/complete` with the URL elicitations waiting for it, by
 * `elicitationId` (2025-11-25). Notifications for unknown or already completed ids are ignored,
 * as the spec requires.
 */
export class ElicitationCompletions {
  /** Made by the first wait: most clients never see a URL elicitation. */
  private waiting: Map<string, () => void> | undefined;

  /** Starts waiting for `elicitationId`; register before the user can finish, so an early notification is not lost. */
  wait(elicitationId: string): CompletionWait {
    let resolve!: () => void;
    const completion = new Promise<void>((done) => (resolve = done));
    const waiting = (this.waiting ??= new Map<string, () => void>());
    waiting.set(elicitationId, resolve);
    return {
      completion,
      release: () => {
        if (waiting.get(elicitationId) === resolve) waiting.delete(elicitationId);
      },
    };
  }

  /** Takes in a completion notification's params; true when an elicitation was waiting for it. */
  complete(params: Record<string, unknown>): boolean {
    const id = params.elicitationId;
    if (typeof id !== 'string') return false;
    const resolve = this.waiting?.get(id);
    if (resolve === undefined) return false;
    this.waiting?.delete(id);
    resolve();
    return true;
  }
}
