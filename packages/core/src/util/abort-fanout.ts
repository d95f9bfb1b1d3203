type Callback = (reason: unknown) => void;

/** The callbacks subscribed to one signal, and the one listener that calls them. */
interface Fanout {
  readonly callbacks: Set<Callback>;
  readonly listener: () => void;
}

const fanouts = new WeakMap<AbortSignal, Fanout>();

/**
 * Subscribes to a signal's abort with one shared listener per signal, so thousands of
 * requests sharing one signal neither leak listeners nor trip Node's MaxListeners warning.
 * Returns the unsubscribe function. The last unsubscribe removes the listener: Node holds a
 * composite signal (`AbortSignal.any`, `AbortSignal.timeout`) that has an abort listener for
 * the life of the process, with everything its listener reaches.
 */
export function onAbort(signal: AbortSignal, callback: Callback): () => void {
  let fanout = fanouts.get(signal);
  if (fanout === undefined) {
    const callbacks = new Set<Callback>();
    const listener = (): void => {
      fanouts.delete(signal);
      for (const fn of callbacks) fn(signal.reason);
    };
    fanout = { callbacks, listener };
    fanouts.set(signal, fanout);
    signal.addEventListener('abort', listener, { once: true });
  }
  const owned = fanout;
  owned.callbacks.add(callback);
  return () => {
    if (!owned.callbacks.delete(callback) || owned.callbacks.size > 0 || fanouts.get(signal) !== owned) return;
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
