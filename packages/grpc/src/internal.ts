/**
 * @module @mcpx/grpc/internal — the binding's mapping both ways, for the @mcpx test server and
 * benchmarks that serve MCP over gRPC from the same definitions.
 *
 * For @mcpx packages only. Nothing here carries a semver promise: any export may change or go
 * in any release, a patch included.
 */
export { mcpServiceDefinition } from './service-definition.js';
export { ROUTES_BY_METHOD, ROUTES_BY_RPC, rpcPath } from './routes.js';
export { paramsOfCall, responseOfResult } from './server-side.js';
export { unknownFieldsOf } from './unknown-fields.js';

export type { Route, RoutingKey } from './routes.js';
