import { ConfigError } from '../errors/config-error.js';

/**
 * A function that loads something with `load` at its first call and gives every later call the
 * same promise: a library imported by `import()` where it is first needed, rather than at the
 * import of the package that uses it. A failed load is not kept (the next call tries again, once
 * the install is mended) and rejects with what `failed` makes of its error. Pass `load` as
 * `() => import('name')` with a literal name, so that bundlers see the dependency.
 */
export function onFirstUse<T>(load: () => Promise<T>, failed: (error: unknown) => Error): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw failed(error);
    }));
}

/**
 * The `ConfigError` of a dependency that `owner` loads on first use and could not load: a damaged
 * or partial install, which reinstalling `owner` mends.
 */
export function dependencyFailed(owner: string, dependency: string, purpose: string, cause: unknown, server?: string): ConfigError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new ConfigError(`${owner} could not load ${dependency}, which it needs to ${purpose} (${why}); reinstall ${owner}`, {
    ...(server === undefined ? {} : { server }),
    cause,
  });
}
