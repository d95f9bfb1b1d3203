import type { ConfigProblem } from '@mcpx/factory';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig, type LoadedConfig } from '../fleet/load-fleet-config.js';
import { renderTable } from '../output/table.js';
import { target } from './servers.js';

/** `mcpx validate [config]`: reads and checks the file, starts nothing. */
export async function run(context: Context): Promise<number> {
  const { ConfigValidationError, formatProblem, supportedTransports } = await import('@mcpx/factory');
  let loaded: LoadedConfig;
  try {
    loaded = await loadFleetConfig(context, context.args.positionals[0] ?? context.configPath);
  } catch (error) {
    if (!ConfigValidationError.isInstance(error)) throw error;
    return invalid(context, error.problems, formatProblem);
  }
  // A transport whose package is missing would fail at connect time: report it now.
  const missing = new Map(supportedTransports().filter((support) => !support.installed).map((support) => [support.transport, support.package]));
  const problems: ConfigProblem[] = loaded.config.servers
    .filter((server) => missing.has(server.transport))
    .map((server) => ({ file: loaded.file, server: server.name, field: 'type', message: `needs ${missing.get(server.transport)!}, which is not installed`, fix: `npm install ${missing.get(server.transport)!}` }));
  if (problems.length > 0) return invalid(context, problems, formatProblem);

  const servers = loaded.config.servers.map((server) => ({ name: server.name, transport: server.transport, enabled: server.enabled, target: target(server) }));
  if (context.json) {
    printJson(context, { valid: true, file: loaded.file, servers });
    return EXIT.ok;
  }
  const { out } = context;
  context.print(`${out.green('✓')} ${loaded.file} is valid: ${servers.length === 1 ? '1 server' : `${servers.length} servers`}\n`);
  if (servers.length > 0) {
    context.print(
      renderTable(
        [{ header: 'NAME' }, { header: 'TRANSPORT' }, { header: 'ENABLED' }, { header: 'TARGET', flexible: true }],
        servers.map((server) => [out.bold(server.name), server.transport, server.enabled ? 'yes' : out.dim('no'), server.target]),
        out,
        context.width,
      ),
    );
  }
  return EXIT.ok;
}

function invalid(context: Context, problems: readonly ConfigProblem[], format: (problem: ConfigProblem) => string): number {
  if (context.json) {
    printJson(context, { valid: false, file: problems[0]?.file ?? null, problems });
    return EXIT.config;
  }
  const { out } = context;
  const file = problems[0]?.file ?? 'the config';
  context.print(`${out.red('✗')} ${file} has ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}:\n`);
  problems.forEach((problem, index) => context.print(`  ${index + 1}. ${format(problem)}\n`));
  return EXIT.config;
}
