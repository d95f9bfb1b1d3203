import { NumberTable } from './number-table.js';

type Callback = (reason: unknown) => void;

/** The callbacks subscribed to one signal, by number (a `Set` would churn: see `NumberTable`), and the one listener that calls them. */
interface Fanout {
  readonly callbacks: NumberTable<Callback>;
  readonly listener: () => void;
  /** The number the next subscription gets. */
  next: number;
}

const fanouts = new WeakMap<AbortSignal, Fanout>();

/**
 * Subscribes to a signal's abort with one shared listener per signal, so thousands of
 * requests sharing one signal neither leak listeners nor trip Node's MaxListeners warning.
 * Returns the unsubscribe function. Each call is a subscription of its own (the same callback
 * subscribed twice is called twice), removed only by its own unsubscribe, which does nothing
 * the second time. The last unsubscribe removes the listener: Node holds a composite signal
 * (`AbortSignal.any`, `AbortSignal.timeout`) that has an abort listener for the life of the
 * process, with everything its listener reaches.
 */
export function onAbort(signal: AbortSignal, callback: Callback): () => void {
  let fanout = fanouts.get(signal);
  if (fanout === undefined) {
    const callbacks = new NumberTable<Callback>();
    const listener = (): void => {
      fanouts.delete(signal);
      for (const fn of callbacks.values()) fn(signal.reason);
    };
    fanout = { callbacks, listener, next: 0 };
    fanouts.set(signal, fanout);
    signal.addEventListener('abort', listener, { once: true });
  }
  const owned = fanout;
  const key = owned.next++;
  owned.callbacks.set(key, callback);
  return () => {
    if (owned.callbacks.delete(key) === undefined || owned.callbacks.size > 0 || fanouts.get(signal) !== owned) return;
    fanouts.delete(signal);
    signal.removeEventListener('abort', owned.listener);
  };
}

/** The text of an abort reason, for messages. */
export function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string') return reason;
  return 'aborted by the caller';
}
