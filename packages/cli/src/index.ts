/**
 * @module @mcpx/cli — `mcpx`, the command line for Model Context Protocol servers, and `run`
 * to embed it. Every export is public API.
 */
export { run } from './run.js';
export { EXIT } from './exit-codes.js';

export type { RunOptions } from './run.js';
export type { ExitCode } from './exit-codes.js';
export type { OutputStream } from './output/style.js';
export type { InputStream } from './context.js';
