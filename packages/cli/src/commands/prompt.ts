import type { CatalogPrompt } from '@mcpx/registry';
import { didYouMean } from '../args/suggest.js';
import { printJson, type Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig } from '../fleet/load-fleet-config.js';
import { downExitCode, explainDown } from '../fleet/down.js';
import { openFleet, untilAborted, type Fleet } from '../fleet/open-fleet.js';
import { parseTarget, type Target } from '../fleet/target.js';
import { renderPrompt } from '../output/content.js';
import { buildArguments } from '../values/coerce-arguments.js';
import type { JsonSchema } from '../values/schema-types.js';
import { jsonArguments } from './call.js';

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
    const entry = await findPrompt(fleet, target);
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

async function findPrompt(fleet: Fleet, target: Target): Promise<CatalogPrompt> {
  if (target.server !== undefined) {
    const view = fleet.registry.get(target.server)!;
    if (view.state !== 'connected' && view.state !== 'degraded') throw new CliError(explainDown(fleet, view), downExitCode([view]));
  }
  const catalog = await fleet.registry.listPrompts();
  const failure = catalog.failures.find((item) => item.server === target.server);
  if (failure !== undefined) throw failure.error;
  if (target.server === undefined) {
    const entry = catalog.prompts.find((prompt) => prompt.name === target.qualified);
    if (entry !== undefined) return entry;
    throw new UsageError(
      `no prompt is named "${target.qualified}"${didYouMean(
        target.qualified,
        catalog.prompts.map((prompt) => prompt.name),
      )}; write <server>/<prompt>`,
      { hint: 'mcpx prompts lists them' },
    );
  }
  const own = catalog.prompts.filter((prompt) => prompt.server === target.server);
  const entry = own.find((prompt) => prompt.originalName === target.name);
  if (entry !== undefined) return entry;
  throw new UsageError(
    `${target.server} has no prompt "${target.name}"${didYouMean(
      target.name,
      own.map((prompt) => prompt.originalName),
    )}`,
    { hint: `mcpx prompts ${target.server} lists its prompts` },
  );
}
