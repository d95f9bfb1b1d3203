/** @module @mcpx/stdio — the stdio transport: run an MCP server as a child process. Every export is public API. */
export { StdioTransport } from './stdio-transport.js';
export { getDefaultEnvironment } from './environment.js';

export type { StdioTransportOptions, StderrMode } from './options.js';
