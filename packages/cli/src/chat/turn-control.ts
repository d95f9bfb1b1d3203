import type { Context } from '../context.js';

/** The turn the model is answering, if any: what Ctrl-C cancels. */
export class TurnControl {
  private controller: AbortController | undefined;

  /** The running turn's signal, or undefined between turns. */
  get signal(): AbortSignal | undefined {
    return this.controller?.signal;
  }

  /** Starts a turn, cancelled by `cancel()` or when `outer` aborts. */
  begin(outer: AbortSignal): AbortSignal {
    this.controller = new AbortController();
    return AbortSignal.any([outer, this.controller.signal]);
  }

  /** Cancels the running turn; false when there is none or it is cancelled already. */
  cancel(): boolean {
    if (this.controller === undefined || this.controller.signal.aborted) return false;
    this.controller.abort(new Error('the turn was cancelled (Ctrl-C)'));
    return true;
  }

  /**
   * Ends the turn. Its signal aborts, so that what it left behind (a question still on screen
   * about a call the model no longer waits for) goes away rather than read the prompt's keys.
   */
  end(): void {
    this.controller?.abort(new Error('the turn ended'));
    this.controller = undefined;
  }
}

/**
 * The context the fleet's questions get in an interactive chat: its signal is the running turn's
 * (a form opened for a cancelled turn is dismissed), and Ctrl-C in a form cancels the turn instead
 * of ending mcpx.
 */
export function turnContext(context: Context, turns: TurnControl): Context {
  return Object.defineProperties(
    { ...context },
    {
      signal: { get: () => (turns.signal === undefined ? context.signal : AbortSignal.any([context.signal, turns.signal])) },
      interrupt: { value: () => void turns.cancel() },
    },
  );
}
