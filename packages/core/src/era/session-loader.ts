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

const modules: Partial<SessionModules> = {};
const failures = new Map<Era, unknown>();
const loading = new Map<Era, Promise<void>>();
const loadErrors = new WeakSet<Error>();

function load(era: Era): Promise<void> {
  let loaded = loading.get(era);
  if (loaded === undefined) {
    loaded = importers[era]().then(
      (module) => {
        (modules as Record<Era, unknown>)[era] = module;
      },
      (error: unknown) => {
        failures.set(era, error);
      },
    );
    loading.set(era, loaded);
  }
  return loaded;
}

/**
 * Loads the session code of each era in `eras`, once a process: each era's session is a file of
 * its own in the build (see `tsup.config.ts`), so that importing `@mcpx/core` does not evaluate
 * the code of an era no connection speaks. Never rejects: `sessionModule()` reports a failure.
 * A connection awaits it before its first message, so that once the server has answered, the
 * session is made in the same turn, with no wait in which the connection could close unseen.
 */
export function loadSessions(eras: readonly Era[]): Promise<void> {
  return eras.length === 1 ? load(eras[0]!) : Promise.all(eras.map(load)).then(() => undefined);
}

/**
 * The session module of `era`, which `loadSessions()` loaded. A module that failed to load (a
 * damaged install, or a file the process could not open) is a `ConfigError`: Node keeps a failed
 * import for the life of the process, so every later connection of that era fails the same way.
 */
export function sessionModule<E extends Era>(era: E, server: string | undefined): SessionModules[E] {
  const module = modules[era] as SessionModules[E] | undefined;
  if (module !== undefined) return module;
  const cause = failures.get(era);
  const why = !failures.has(era)
    ? 'it was used before loadSessions() loaded it'
    : cause instanceof Error
      ? cause.message
      : `the import was rejected with a ${typeof cause} that is not an Error`;
  const failure = new ConfigError(
    `@mcpx/core's ${era}-era session code failed to load (${why}); restart the process, and reinstall @mcpx/core if it fails again`,
    { server, operation: 'connecting', cause },
  );
  loadErrors.add(failure);
  throw failure;
}

/** Whether `error` is the failure of `sessionModule()`, which no fallback to another era can mend. */
export function isSessionLoadError(error: unknown): boolean {
  return error instanceof Error && loadErrors.has(error);
}
