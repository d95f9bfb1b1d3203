// mcpx with OpenTelemetry and no SDK registered: McpClient with `otelMiddleware()` from
// @mcpx/otel, as a library ships it into an application that never set up OpenTelemetry. Against
// `mcpx` (no middleware at all) it is what the instrumentation costs when nobody collects: the
// issue's bar is under 5% CPU per call.
import { McpClient } from '@mcpx/core';
import { otelMiddleware } from '@mcpx/otel';
import { transportLoader } from '../lib/transports.mjs';

export const name = 'mcpx-otel';

export const load = transportLoader(name, {
  stdio: async () => {
    const { StdioTransport } = await import('@mcpx/stdio');
    return (server) => new StdioTransport({ command: server.command, args: server.args });
  },
  http: async () => {
    const { StreamableHttpTransport } = await import('@mcpx/http');
    return (server) => new StreamableHttpTransport(server.url);
  },
});

export async function connect(server) {
  const transport = (await load(server.transport))(server);
  const client = new McpClient({ name: 'bench-mcpx-otel', middleware: [otelMiddleware()] });
  await client.connect(transport);
  return {
    listTools: () => client.listTools(),
    echo: (text) => client.callTool('echo', { text }),
    close: () => client.close(),
  };
}
