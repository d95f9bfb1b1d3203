import { appOf, visibleToModel } from '@mcpx/core/apps';
import { booleanFlag } from '../args/parse.js';
import { printJson, type Context } from '../context.js';
import { openFleet } from '../fleet/open-fleet.js';
import { renderParameters } from '../output/parameters.js';
import { renderTable } from '../output/table.js';
import type { JsonSchema } from '../values/schema-types.js';
import type { Tool } from '@mcpx/core';
import { failuresJson, finish, selection, summaryLine } from './catalog-helpers.js';

/** `mcpx tools [server] [--long]`. */
export async function run(context: Context): Promise<number> {
  const fleet = await openFleet(context, { select: selection(context) });
  try {
    const catalog = await fleet.registry.listTools();
    const tools = catalog.tools.map((entry) => ({
      id: `${entry.server}/${entry.originalName}`,
      server: entry.server,
      qualifiedName: entry.name,
      autoApproved: entry.autoApproved,
      ...entry.tool,
      ...withApp(entry.tool),
    }));
    const { out } = context;
    if (context.json) {
      printJson(context, { tools, failures: failuresJson(catalog.failures, fleet) });
    } else if (booleanFlag(context.args, 'long')) {
      const blocks = tools.map((tool) => {
        const title = tool.title !== undefined && tool.title !== tool.name ? out.dim(` — ${tool.title}`) : '';
        const description = (tool.description ?? '').trim();
        return [
          `${out.bold(tool.id)}${title}`,
          ...(description === '' ? [] : description.split('\n').map((line) => `  ${line}`)),
          ...renderParameters(tool.inputSchema as JsonSchema, out, '  '),
          ...(tool.app === undefined ? [] : [`  ${out.dim('app:')} ${tool.app.resourceUri}${tool.app.appOnly ? ' (app only)' : ''}`]),
        ].join('\n');
      });
      context.print(blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`);
    } else {
      // The APP column only when a tool has one, so fleets without apps keep their two columns.
      const apps = tools.some((tool) => tool.app !== undefined);
      context.print(
        renderTable(
          [{ header: 'TOOL' }, ...(apps ? [{ header: 'APP' }] : []), { header: 'DESCRIPTION', flexible: true }],
          tools.map((tool) => [out.bold(tool.id), ...(apps ? [appMark(tool.app)] : []), summaryLine(tool.description)]),
          out,
          context.width,
        ),
      );
    }
    return finish(context, fleet, catalog.failures);
  } finally {
    await fleet.close();
  }
}

/** The app a tool points at (SEP-1865), for output: its URI, and whether only the app may call the tool. */
function withApp(tool: Tool): { app?: { resourceUri: string; appOnly: boolean } } {
  const app = appOf(tool);
  return app === undefined ? {} : { app: { resourceUri: app.resourceUri, appOnly: !visibleToModel(tool) } };
}

function appMark(app: { appOnly: boolean } | undefined): string {
  if (app === undefined) return '';
  return app.appOnly ? 'app only' : 'app';
}
