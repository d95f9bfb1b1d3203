type Callback = (reason: unknown) => void;

const subscribers = new WeakMap<AbortSignal, Set<Callback>>();

/**
 * Subscribes to a signal's abort with one shared listener per signal, so thousands of
 * requests sharing one signal neither leak listeners nor trip Node's MaxListeners warning.
 * Returns the unsubscribe function.
 */
export function onAbort(signal: AbortSignal, callback: Callback): () => void {
  let set = subscribers.get(signal);
  if (set === undefined) {
    const created = new Set<Callback>();
    set = created;
    subscribers.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        subscribers.delete(signal);
        for (const fn of created) fn(signal.reason);
      },
      { once: true },
    );
  }
  set.add(callback);
  const owned = set;
  return () => {
    owned.delete(callback);
  };
}

/** The text of an abort reason, for messages. */
export function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string') return reason;
  return 'aborted by the caller';
}
