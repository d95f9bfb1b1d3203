import { ConfigError } from '../errors/config-error.js';
import type * as LegacySessionModule from '../legacy/legacy-session.js';
import type * as ModernSessionModule from '../modern/modern-session.js';
import type { Era } from './era-cache.js';

/** Each era's session module, by era. */
interface SessionModules {
  legacy: typeof LegacySessionModule;
  modern: typeof ModernSessionModule;
}

const importers: { [E in Era]: () => Promise<SessionModules[E]> } = {
  legacy: () => import('../legacy/legacy-session.js'),
  modern: () => import('../modern/modern-session.js'),
};

const loading = new Map<Era, Promise<unknown>>();
const loadErrors = new WeakSet<Error>();

/**
 * Loads the session code of `era` on first use: each era's session is a file of its own in the
 * build (see `tsup.config.ts`), so that importing `@mcpx/core` does not evaluate the code of an
 * era no connection has spoken yet. A module that fails to load (a damaged install) is a
 * `ConfigError` from `connect()`, and the next connection tries again.
 */
export function loadSession<E extends Era>(era: E, server: string | undefined): Promise<SessionModules[E]> {
  let module = loading.get(era) as Promise<SessionModules[E]> | undefined;
  if (module === undefined) {
    module = importers[era]();
    loading.set(era, module);
  }
  return module.catch((error: unknown) => {
    if (loading.get(era) === module) loading.delete(era);
    const failure = new ConfigError(
      `@mcpx/core's ${era}-era session code failed to load (${error instanceof Error ? error.message : String(error)}); reinstall @mcpx/core`,
      { server, operation: 'connecting', cause: error },
    );
    loadErrors.add(failure);
    throw failure;
  });
}

/** Whether `error` is the failure of `loadSession()`, which no fallback to another era can mend. */
export function isSessionLoadError(error: unknown): boolean {
  return error instanceof Error && loadErrors.has(error);
}

/**
 * Starts loading the session code of each era in `eras`, so that it loads while the server starts
 * and answers the probe. A failure is reported by the `loadSession()` that needs the module.
 */
export function preloadSessions(eras: readonly Era[]): void {
  // The connection that needs the era's module awaits loadSession() itself, and reports its failure.
  for (const era of eras) loadSession(era, undefined).catch(() => undefined);
}
