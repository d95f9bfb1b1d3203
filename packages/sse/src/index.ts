/** @module @mcpx/sse — the legacy HTTP+SSE transport of MCP 2024-11-05. Every export is public API. */
export { SseTransport } from './sse-transport.js';

export type { SseTransportOptions, SseReconnectOptions } from './options.js';
export type { SseFetch, SseFetchInit, SseFetchResponse } from './fetch.js';
