/** @module @mcpx/http — the Streamable HTTP transport (MCP 2025-03-26 to 2025-11-25, and 2026-07-28). Every export is public API. */
export { StreamableHttpTransport } from './streamable-http-transport.js';
export { defaultReconnectBackoff, defaultRetryBackoff } from './options.js';

export type { StreamableHttpTransportOptions, ReconnectOptions, RetryOptions, HttpRetry } from './options.js';
export type { FetchLike, HttpRequestInit } from './fetch.js';
