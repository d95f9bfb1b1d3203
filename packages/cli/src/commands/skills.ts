import { SKILLS_EXTENSION_ID, skills, type Skill, type SkillsApi } from '@mcpx/core/skills';
import { didYouMean } from '../args/suggest.js';
import { printJson, type Context } from '../context.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { EXIT } from '../exit-codes.js';
import { downExitCode, explainDown } from '../fleet/down.js';
import { openFleet, untilAborted } from '../fleet/open-fleet.js';
import { renderTable } from '../output/table.js';
import { summaryLine } from './catalog-helpers.js';

/** `mcpx skills <server> [name]`: the skills a server publishes (SEP-2640), or one skill's SKILL.md, verified. */
export async function run(context: Context): Promise<number> {
  const [server, name] = context.args.positionals as [string, string | undefined];
  const fleet = await openFleet(context, { select: [server] });
  try {
    const view = fleet.registry.get(server)!;
    if (view.client === undefined || (view.state !== 'connected' && view.state !== 'degraded'))
      throw new CliError(explainDown(fleet, view), downExitCode([view]));
    fleet.current = server;
    const api = view.client.extension(skills());
    if (!api.available)
      throw new CliError(`${server} publishes no skills: it did not declare the ${SKILLS_EXTENSION_ID} extension`, EXIT.failure, {
        hint: `a server publishes skills through the Skills extension (SEP-2640); its resources may still hold some: mcpx resources ${server}`,
      });
    const options = { signal: context.signal, timeoutMs: context.timeoutMs };
    const listed = await untilAborted(api.list(options), context.signal);
    if (name === undefined) {
      if (context.json) printJson(context, { skills: listed });
      else
        context.print(
          renderTable(
            [{ header: 'SKILL' }, { header: 'DESCRIPTION', flexible: true }],
            listed.map((skill) => [context.out.bold(skill.frontmatter.name), summaryLine(skill.frontmatter.description)]),
            context.out,
            context.width,
          ),
        );
      return EXIT.ok;
    }
    const entry = await findSkill(api, listed, server, name, options);
    const loaded = await untilAborted(api.load(entry, options), context.signal);
    if (context.json) printJson(context, { skill: loaded.entry, markdown: loaded.markdown });
    else context.print(loaded.markdown.endsWith('\n') ? loaded.markdown : `${loaded.markdown}\n`);
    return EXIT.ok;
  } finally {
    await fleet.close();
  }
}

/** The listed skill named `name`, or the one whose SKILL.md is at the URI `name` (a skill need not be listed to be fetched). */
async function findSkill(
  api: SkillsApi,
  listed: readonly Skill[],
  server: string,
  name: string,
  options: { signal: AbortSignal; timeoutMs: number | undefined },
): Promise<Skill> {
  const entry = listed.find((skill) => skill.frontmatter.name === name || skill.uri === name);
  if (entry !== undefined) return entry;
  if (name.includes('://')) return api.get(name, options);
  throw new UsageError(
    `${server} lists no skill "${name}"${didYouMean(
      name,
      listed.map((skill) => skill.frontmatter.name),
    )}`,
    { hint: `mcpx skills ${server} lists them; a skill that is not listed can be fetched by the URI of its SKILL.md` },
  );
}
