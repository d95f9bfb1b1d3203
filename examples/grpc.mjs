// MCP over gRPC: the binding of mcp.proto (service model_context_protocol.Mcp).
//   node grpc.mjs grpc://127.0.0.1:50051
// The test runs it against the gRPC face of mcpx's test server. An elicitation the server asks
// for mid-call (a dependent request) is answered by the same handler as over any other transport.
import { McpClient } from '@mcpx/core';
import { GrpcTransport } from '@mcpx/grpc';

const target = process.argv[2] ?? 'grpc://127.0.0.1:50051';
const client = new McpClient({
  name: 'mcpx-example',
  server: 'grpc-example',
  elicitation: (params) => {
    console.log(`asked: ${params.message}`);
    return { action: 'accept', content: { name: 'Ada' } };
  },
});
try {
  await client.connect(new GrpcTransport(target, { keepaliveIntervalMs: 30_000 }));
  console.log(`connected to ${client.serverInfo.name} over ${target}, protocol ${client.protocolVersion}`);
  const { tools } = await client.listTools();
  console.log(`tools: ${tools.map((tool) => tool.name).join(', ')}`);
  const sum = await client.callTool('add', { a: 19, b: 23 });
  console.log(`add: ${JSON.stringify(sum.structuredContent)}`);
  const greeting = await client.callTool('ask-name', {});
  console.log(`ask-name: ${greeting.content[0].text}`);
} finally {
  await client.close();
}
