/**
 * @module The build's root: what `dist/internal.js` is built from (see `tsup.config.ts`), so that
 * importing `@mcpx/core` and `@mcpx/core/internal` loads two files of core (`index.js`, which
 * re-exports from it, and this one). It re-exports the main entries and what the other built
 * files (the schemas, loaded by `import()`, and the satellite entries) import from their graph.
 * Not an entry: `@mcpx/core/internal`'s declarations come from `internal.ts`.
 */
export * from './index.js';
export * from './internal.js';
export * from './versions.js';
export * from './modern/versions.js';
export * from './modern/meta-keys.js';
