import type { ResourceTemplate } from '@mcpx/core';
import { booleanFlag } from '../args/parse.js';
import { printJson, type Context } from '../context.js';
import { openFleet, type Fleet } from '../fleet/open-fleet.js';
import { renderTable } from '../output/table.js';
import { failuresJson, finish, selection, summaryLine } from './catalog-helpers.js';
import type { CatalogFailure } from '@mcpx/registry';

/** `mcpx resources [server] [--templates] [--long]`. */
export async function run(context: Context): Promise<number> {
  const fleet = await openFleet(context, { select: selection(context) });
  try {
    return booleanFlag(context.args, 'templates') ? await templates(context, fleet) : await resources(context, fleet);
  } finally {
    await fleet.close();
  }
}

async function resources(context: Context, fleet: Fleet): Promise<number> {
  const catalog = await fleet.registry.listResources();
  const { out } = context;
  if (context.json) {
    printJson(context, {
      resources: catalog.resources.map((entry) => ({ server: entry.server, ...entry.resource })),
      failures: failuresJson(catalog.failures, fleet),
    });
  } else {
    const long = booleanFlag(context.args, 'long');
    context.print(
      renderTable(
        [{ header: 'SERVER' }, { header: 'URI' }, { header: 'MIME' }, { header: long ? 'DESCRIPTION' : 'NAME', flexible: true }],
        catalog.resources.map(({ server, resource }) => [
          server,
          out.bold(resource.uri),
          resource.mimeType ?? '-',
          long ? (resource.description ?? resource.name) : resource.name,
        ]),
        out,
        long ? undefined : context.width,
      ),
    );
  }
  return finish(context, fleet, catalog.failures);
}

/** Resource templates are not in the registry's catalog: each server is asked directly. */
async function templates(context: Context, fleet: Fleet): Promise<number> {
  const failures: CatalogFailure[] = [];
  const lists = await Promise.all(
    fleet.registry.list().map(async (view): Promise<Array<{ server: string } & ResourceTemplate>> => {
      const client = view.client;
      if (client === undefined || client.serverCapabilities?.resources === undefined) return [];
      try {
        const { resourceTemplates } = await client.listResourceTemplates({ timeoutMs: context.timeoutMs, signal: context.signal });
        return resourceTemplates.map((template) => ({ server: view.name, ...template }));
      } catch (error) {
        failures.push({ server: view.name, error: error instanceof Error ? error : new Error(String(error)) });
        return [];
      }
    }),
  );
  const all = lists.flat();
  const { out } = context;
  if (context.json) printJson(context, { resourceTemplates: all, failures: failuresJson(failures, fleet) });
  else {
    context.print(
      renderTable(
        [{ header: 'SERVER' }, { header: 'URI TEMPLATE' }, { header: 'MIME' }, { header: 'DESCRIPTION', flexible: true }],
        all.map((template) => [
          template.server,
          out.bold(template.uriTemplate),
          template.mimeType ?? '-',
          summaryLine(template.description ?? template.name),
        ]),
        out,
        context.width,
      ),
    );
  }
  return finish(context, fleet, failures);
}
