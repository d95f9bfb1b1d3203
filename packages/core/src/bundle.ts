/**
 * @module The build's root: what `dist/internal.js` is built from (see `tsup.config.ts`), so that
 * importing `@mcpx/core` and `@mcpx/core/internal` loads two files of core (`index.js`, which
 * re-exports from it, and this one). It re-exports the main entries and what the other built
 * files (the schemas and each era's session, loaded by `import()`, and the satellite entries)
 * import from its graph: the build fails when one of them imports a name not exported here.
 * Not an entry: `@mcpx/core/internal`'s declarations come from `internal.ts`.
 */
export * from './index.js';
export * from './internal.js';
export * from './versions.js';
export * from './modern/versions.js';
export * from './modern/meta-keys.js';

// What the era sessions (legacy/legacy-session.ts, modern/modern-session.ts) share with the rest.
export { parseResult } from './client/result-parser.js';
export { hasCapability, missingServerCapability } from './client/capabilities.js';
export { cancelledTask } from './tasks/modern-task-driver.js';
export { isTerminalStatus } from './tasks/task.js';
export { onAbort } from './util/abort-fanout.js';
export { parseLegacyTask, listLegacyTasks } from './legacy/legacy-task.js';
export { openTaskHandle } from './tasks/task-handle.js';
export { initializeLegacy } from './legacy/lifecycle.js';
export { taskDriverSource } from './tasks/tasks-api.js';
export { mergeContext } from './middleware/request-context.js';
export { bypassesCache } from './modern/cache-bypass.js';
export { withEnvelope } from './modern/envelope.js';
export { DEFAULT_MAX_INPUT_ROUNDS, INPUT_REQUIRED_METHODS, inputRounds } from './modern/input-required.js';
export { isPromiseLike } from './modern/guarded-store.js';
