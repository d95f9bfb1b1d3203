import type { CatalogPrompt } from '@mcpx/registry';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig } from '../fleet/load-fleet-config.js';
import { openFleet, untilAborted } from '../fleet/open-fleet.js';
import { parseTarget } from '../fleet/target.js';
import { renderPrompt } from '../output/content.js';
import { buildArguments } from '../values/coerce-arguments.js';
import type { JsonSchema } from '../values/schema-types.js';
import { jsonArguments } from './call.js';
import { findEntry, type EntryKind } from '../fleet/find-entry.js';

/** `mcpx prompt <server>/<prompt> [key=value...]`. */
export async function run(context: Context): Promise<number> {
  const [word, ...pairs] = context.args.positionals as [string, ...string[]];
  const loaded = await loadFleetConfig(context);
  const target = parseTarget(
    word,
    loaded.config.servers.map((server) => server.name),
    'prompt',
  );
  const fleet = await openFleet(context, { loaded, select: target.server === undefined ? [] : [target.server] });
  try {
    const entry = await findEntry(fleet, target, PROMPTS);
    const id = `${entry.server}/${entry.originalName}`;
    fleet.current = entry.server;
    // Prompt arguments are strings: a schema of string properties types and checks them.
    const schema: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(
        (entry.prompt.arguments ?? []).map((argument) => [
          argument.name,
          { type: 'string', ...(argument.description === undefined ? {} : { description: argument.description }) },
        ]),
      ),
      required: (entry.prompt.arguments ?? []).filter((argument) => argument.required).map((argument) => argument.name),
    };
    const args = buildArguments(pairs, jsonArguments(context), schema, id);
    const strings = Object.fromEntries(
      Object.entries(args).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
    const result = await untilAborted(
      fleet.registry.getPrompt(entry.name, strings, { signal: context.signal, timeoutMs: context.timeoutMs }),
      context.signal,
    );
    if (context.json) printJson(context, result);
    else context.print(renderPrompt(result, context.out));
    return EXIT.ok;
  } finally {
    await fleet.close();
  }
}

/** The prompts of the fleet's catalog, for `findEntry`. */
const PROMPTS: EntryKind<CatalogPrompt> = {
  noun: 'prompt',
  list: async (fleet) => {
    const { prompts, failures } = await fleet.registry.listPrompts();
    return { entries: prompts, failures };
  },
};
