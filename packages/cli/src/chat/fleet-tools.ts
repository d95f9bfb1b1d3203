import type { RegistryToolSource } from '@mcpx/ai';
import type { Context } from '../context.js';
import type { Fleet } from '../fleet/open-fleet.js';
import { ProgressBar } from '../terminal/progress-bar.js';

/**
 * The fleet's tools as the model adapters take them, each call with the CLI's `--timeout` and a
 * progress bar on the terminal (as `mcpx call` shows), and naming its server to the forms it opens.
 */
export function fleetTools(fleet: Fleet, context: Context): RegistryToolSource {
  const { registry } = fleet;
  const servers = new Map<string, { server: string; label: string }>();
  return {
    connectAll: () => registry.connectAll(),
    listTools: async (options) => {
      const catalog = await registry.listTools(options);
      for (const tool of catalog.tools) servers.set(tool.name, { server: tool.server, label: `${tool.server}/${tool.originalName}` });
      return catalog;
    },
    callTool: async (name, args, options) => {
      const known = servers.get(name);
      if (known !== undefined) fleet.current = known.server;
      const bar = new ProgressBar(fleet.status, known?.label ?? name, context.err);
      bar.start();
      try {
        return await registry.callTool(name, args, {
          ...options,
          ...(context.timeoutMs === undefined ? {} : { timeoutMs: context.timeoutMs }),
          onprogress: (progress) => bar.update(progress),
        });
      } finally {
        bar.stop();
      }
    },
  };
}
