/** @module @mcpx/grpc — the gRPC transport: MCP over the gRPC binding (mcp.proto, service model_context_protocol.Mcp). Every export is public API. */
export { GrpcTransport } from './grpc-transport.js';

export type { GrpcTransportOptions, GrpcTlsOptions, GrpcReconnectOptions, PemInput } from './options.js';
