import { ConfigError } from '../errors/config-error.js';

/**
 * A function that loads something with `load` at its first call and gives every later call what
 * that load gave: a library imported by `import()` where it is first needed, rather than at the
 * import of the package that uses it. When the load fails, each call rejects with an error of its
 * own made by `failed` (callers may add to the error they get). The failed load is kept: Node
 * keeps a failed `import()` for the life of the process, so a retry would fail the same way.
 * Pass `load` as `() => import('name')` with a literal name, so that bundlers see the dependency.
 */
export function onFirstUse<T>(load: () => Promise<T>, failed: (error: unknown) => Error): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return async () => {
    try {
      return await (loading ??= load());
    } catch (error) {
      throw failed(error);
    }
  };
}

/**
 * The `ConfigError` of a dependency that `owner` loads on first use and could not load: a damaged
 * or partial install. `purpose` completes "which it needs to …" (`'read TOML configs'`).
 */
export function dependencyFailed(owner: string, dependency: string, purpose: string, cause: unknown): ConfigError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new ConfigError(
    `${owner} could not load ${dependency}, which it needs to ${purpose} (${why}); reinstall ${owner} and restart the process`,
    { cause },
  );
}
