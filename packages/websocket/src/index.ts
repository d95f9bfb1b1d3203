/** @module @mcpx/websocket — the WebSocket transport: MCP over a WebSocket with the "mcp" subprotocol. Every export is public API. */
export { WebSocketTransport } from './websocket-transport.js';

export type { WebSocketCloseInfo } from './websocket-transport.js';
export type { WebSocketTransportOptions, WebSocketTlsOptions, PemInput } from './options.js';
