// mcpx with OpenTelemetry and no SDK registered: McpClient with `otelMiddleware()` from
// @mcpx/otel, as a library ships it into an application that never set up OpenTelemetry. Against
// `mcpx` (no middleware at all) it is what the instrumentation costs when nobody collects: the
// issue's bar is under 5% CPU per call.
import { otelMiddleware } from '@mcpx/otel';
import { transportLoader } from '../lib/transports.mjs';
import { connectMcpx, MCPX_TRANSPORTS } from './mcpx.mjs';

export const name = 'mcpx-otel';

export const load = transportLoader(name, MCPX_TRANSPORTS);

export function connect(server) {
  return connectMcpx(load, server, { name: 'bench-mcpx-otel', middleware: [otelMiddleware()] });
}
