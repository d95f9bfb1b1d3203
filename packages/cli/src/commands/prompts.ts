import { booleanFlag } from '../args/parse.js';
import { printJson, type Context } from '../context.js';
import { openFleet } from '../fleet/open-fleet.js';
import { renderTable } from '../output/table.js';
import { failuresJson, finish, selection, summaryLine } from './catalog-helpers.js';

/** `mcpx prompts [server] [--long]`. */
export async function run(context: Context): Promise<number> {
  const fleet = await openFleet(context, { select: selection(context) });
  try {
    const catalog = await fleet.registry.listPrompts();
    const prompts = catalog.prompts.map((entry) => ({
      id: `${entry.server}/${entry.originalName}`,
      server: entry.server,
      qualifiedName: entry.name,
      ...entry.prompt,
    }));
    const { out } = context;
    if (context.json) {
      printJson(context, { prompts, failures: failuresJson(catalog.failures, fleet) });
    } else if (booleanFlag(context.args, 'long')) {
      const blocks = prompts.map((prompt) => {
        const args = (prompt.arguments ?? []).map(
          (argument) =>
            `  ${out.bold(argument.name)}  ${argument.required ? out.yellow('required') : out.dim('optional')}${argument.description ? `  ${argument.description}` : ''}`,
        );
        return [
          out.bold(prompt.id),
          ...(prompt.description ? [`  ${prompt.description}`] : []),
          ...(args.length === 0 ? [`  ${out.dim('no arguments')}`] : args),
        ].join('\n');
      });
      context.print(blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`);
    } else {
      const argumentsOf = (prompt: (typeof prompts)[number]): string =>
        (prompt.arguments ?? []).map((argument) => `${argument.name}${argument.required ? '*' : ''}`).join(' ');
      context.print(
        renderTable(
          [{ header: 'PROMPT' }, { header: 'ARGUMENTS' }, { header: 'DESCRIPTION', flexible: true }],
          prompts.map((prompt) => [out.bold(prompt.id), argumentsOf(prompt) || '-', summaryLine(prompt.description)]),
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
