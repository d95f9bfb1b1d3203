/**
 * Polls `predicate` every 5 ms until it returns something other than `undefined`, `false` or
 * `null`, and resolves with that; rejects naming `what` after `timeoutMs`. The default is long
 * on purpose: a cold, loaded CI machine must pass, and a passing test never waits for it.
 */
export function until<T>(predicate: () => T | undefined | false | null, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = (): boolean => {
      const value = predicate();
      if (value !== undefined && value !== false && value !== null) {
        resolve(value);
        return true;
      }
      if (Date.now() - started > timeoutMs) {
        reject(new Error(`timed out waiting for ${what}`));
        return true;
      }
      return false;
    };
    if (check()) return;
    const timer = setInterval(() => {
      if (check()) clearInterval(timer);
    }, 5);
  });
}
