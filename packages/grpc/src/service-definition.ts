import { fromBinary, toBinary, type Message } from '@bufbuild/protobuf';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { ROUTES_BY_RPC, rpcPath } from './routes.js';

/**
 * The binding's service `model_context_protocol.Mcp` as grpc-js serves it: every rpc, with
 * protobuf-es encoding both ways. For servers (the test server); the client calls by path.
 */
export function mcpServiceDefinition(): ServiceDefinition {
  const methods: Record<string, MethodDefinition<Message, Message>> = {};
  for (const [rpc, route] of ROUTES_BY_RPC) {
    methods[rpc] = {
      path: rpcPath(rpc),
      requestStream: false,
      responseStream: false,
      requestSerialize: (value) => Buffer.from(toBinary(route.input, value)),
      requestDeserialize: (bytes) => fromBinary(route.input, bytes),
      responseSerialize: (value) => Buffer.from(toBinary(route.output, value)),
      responseDeserialize: (bytes) => fromBinary(route.output, bytes),
    };
  }
  return methods;
}
