/** @module @mcpx/core/testing — in-memory transports and a scriptable fake server. Every export is public API. */
export {};
