/** @module @mcpx/core/testing — in-memory transports and a scriptable fake server for tests. Every export is public API. */
export { InMemoryTransport } from './in-memory-transport.js';
export { FakeServer } from './fake-server.js';
export type { FakeServerOptions } from './fake-server.js';
