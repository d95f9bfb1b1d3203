// mcpx with its era pinned to the legacy one (`era: 'legacy'`): `initialize` and 2025-11-25, as
// the official client and the raw loop talk to the bench's servers, where `mcpx` (era `auto`)
// finds and talks 2026-07-28. No target: against `mcpx` it is what the era costs per call, and
// against the others it compares the same protocol.
import { transportLoader } from '../lib/transports.mjs';
import { MCPX_TRANSPORTS, connectMcpx } from './mcpx.mjs';

export const name = 'mcpx-legacy';

export const load = transportLoader(name, MCPX_TRANSPORTS);

export function connect(server) {
  return connectMcpx(load, server, { name: 'bench-mcpx-legacy', era: 'legacy' });
}
