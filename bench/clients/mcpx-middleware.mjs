// mcpx with one request middleware that only hands the request on: what a client pays for having
// middleware at all (the request object, the chain, the request context layer) against `mcpx`,
// which sends straight to the engine. It splits `mcpx-otel`'s cost into the middleware pipeline's
// and the OpenTelemetry middleware's own.
import { transportLoader } from '../lib/transports.mjs';
import { connectMcpx, MCPX_TRANSPORTS } from './mcpx.mjs';

export const name = 'mcpx-middleware';

export const load = transportLoader(name, MCPX_TRANSPORTS);

export function connect(server) {
  return connectMcpx(load, server, { name: 'bench-mcpx-middleware', middleware: [(request, next) => next(request)] });
}
