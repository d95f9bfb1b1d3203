import type { ServerConfig } from '@mcpx/factory';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig } from '../fleet/load-fleet-config.js';
import { renderTable } from '../output/table.js';

/** `mcpx config list`: the servers of the config file, without connecting them. */
export async function run(context: Context): Promise<number> {
  const loaded = await loadFleetConfig(context);
  const servers = loaded.config.servers.map((server) => ({
    name: server.name,
    transport: server.transport,
    target: targetOf(server),
    enabled: server.enabled,
  }));
  if (context.json) {
    printJson(context, { file: loaded.file, servers });
    return EXIT.ok;
  }
  context.note(context.err.dim(`${loaded.file}:`));
  const rows = servers.map((server) => [server.name, server.transport, server.target, server.enabled ? 'yes' : 'no']);
  const columns = [{ header: 'NAME' }, { header: 'TRANSPORT' }, { header: 'TARGET', flexible: true }, { header: 'ENABLED' }];
  context.print(renderTable(columns, rows, context.out, context.width));
  return EXIT.ok;
}

function targetOf(server: ServerConfig): string {
  return server.transport === 'stdio' ? [server.command, ...server.args].join(' ') : server.url.toString();
}
