import type { ConfigProblem } from '@mcpx/factory';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig, type LoadedConfig } from '../fleet/load-fleet-config.js';
import { findCommand } from '../fleet/find-command.js';
import { renderTable } from '../output/table.js';
import { target } from './servers.js';

/** `mcpx validate [config]`: reads and checks the file, and that each command can be found; starts nothing. */
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
  const missing = new Map(
    supportedTransports()
      .filter((support) => !support.installed)
      .map((support) => [support.transport, support.package]),
  );
  const problems: ConfigProblem[] = loaded.config.servers
    .filter((server) => missing.has(server.transport))
    .map((server) => ({
      file: loaded.file,
      server: server.name,
      field: 'type',
      message: `needs ${missing.get(server.transport)!}, which is not installed`,
      fix: `npm install ${missing.get(server.transport)!}`,
    }));
  if (problems.length > 0) return invalid(context, problems, formatProblem);

  const servers = loaded.config.servers.map((server) => ({
    name: server.name,
    transport: server.transport,
    enabled: server.enabled,
    target: target(server),
  }));
  const warnings = commandWarnings(loaded, context);
  if (context.json) {
    printJson(context, { valid: true, file: loaded.file, servers, warnings });
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
  if (warnings.length > 0) {
    context.print(`${out.yellow('!')} ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}:\n`);
    warnings.forEach((warning, index) => context.print(`  ${index + 1}. ${formatProblem(warning)}\n`));
  }
  return EXIT.ok;
}

/**
 * The stdio servers whose command would not start: not on the PATH the server gets, not where
 * a relative path points from its working folder, not executable, or a Windows script that
 * needs a shell. Warnings, not problems: the file is right, the machine may not be yet.
 */
function commandWarnings(loaded: LoadedConfig, context: Context): ConfigProblem[] {
  const { env, cwd } = context.io;
  const warnings: ConfigProblem[] = [];
  for (const server of loaded.config.servers) {
    if (server.transport !== 'stdio') continue;
    const path = server.env.PATH ?? env.PATH ?? env.Path;
    const lookup = findCommand(server.command, { path, pathext: env.PATHEXT, cwd: server.cwd ?? cwd });
    const where = /[\\/]/.test(server.command) ? `from ${server.cwd ?? cwd}` : 'on the PATH';
    const warn = (message: string, fix: string): void =>
      void warnings.push({ file: loaded.file, server: server.name, field: 'command', message, fix });
    if (lookup.shellOnly !== undefined)
      warn(
        `"${server.command}" is ${lookup.shellOnly}, a script that only runs through a shell, which mcpx never uses`,
        `use "command": "cmd" with "args": ["/c", "${server.command}", ...] (see docs/troubleshooting.md)`,
      );
    else if (lookup.notExecutable !== undefined)
      warn(
        `"${server.command}" is ${lookup.notExecutable}, which is not executable`,
        `chmod +x it, or run it with its interpreter ("command": "node", "args": ["${server.command}"])`,
      );
    else if (lookup.found === undefined)
      warn(
        `"${server.command}" was not found ${where}, so the server will not start`,
        'install it, check the name, or give its absolute path',
      );
  }
  return warnings;
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
