import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { McpxConfig } from '@mcpx/factory';
import type { Context } from '../context.js';
import { selfName } from '../output/self-name.js';
import { UsageError } from '../errors/cli-error.js';
import { exampleFleet, exampleFleetFile } from './example-fleet.js';
import { announceExampleFleet } from './example-notice.js';
import { oneOffServer } from './one-off-server.js';

/** A loaded config and where it came from. */
export interface LoadedConfig {
  readonly config: McpxConfig;
  /** The file, as shown to the user. */
  readonly file: string;
  /** `flag`: --config or an argument; `discovered`: $MCPX_CONFIG or a standard place; `example`: the example fleet; `command-line`: a one-off server (`--url`, `-- <command>`). */
  readonly origin: 'flag' | 'discovered' | 'example' | 'command-line';
}

/**
 * Loads the config: a one-off server given on the command line, else `path` (or --config), else the discovered one, else the example fleet of
 * the repository, which is announced on stderr (on a terminal, once per terminal session: see
 * `announceExampleFleet`). Throws the factory's `ConfigValidationError`, or its `ConfigError` listing
 * the paths tried when there is nothing at all.
 */
export async function loadFleetConfig(context: Context, path = context.configPath): Promise<LoadedConfig> {
  const { loadConfig, discoverConfig, validateConfig } = await import('@mcpx/factory');
  const { env, cwd } = context.io;
  const homedir = homeOf(env);
  const oneOff = oneOffServer(context.args);
  if (oneOff !== undefined) {
    if (path !== undefined)
      throw new UsageError('a one-off server (--url, or a command line after --) replaces the config file; leave out --config');
    const config = validateConfig({ mcpServers: { [oneOff.name]: oneOff.entry } }, { cwd, env, homedir });
    return { config, file: 'the command line', origin: 'command-line' };
  }
  if (path !== undefined) {
    const config = await loadConfig({ path, cwd, env, homedir });
    return { config, file: config.file ?? path, origin: 'flag' };
  }
  const discovered = discoverConfig({ cwd, env, homedir });
  // In examples/ the fleet's own file is found: it is the example fleet all the same, whose
  // servers must not write into the repository.
  const example = discovered === undefined || resolve(discovered) === exampleFleetFile() ? exampleFleet(env) : undefined;
  if (example === undefined) {
    const config = await loadConfig({ cwd, env, homedir });
    return { config, file: config.file ?? discovered ?? '', origin: 'discovered' };
  }
  const config = await loadConfig({ path: example.file, cwd, env: { ...env, ...example.variables }, homedir });
  const file = config.file ?? example.file;
  if (!context.json && announceExampleFleet({ env, terminal: context.io.stderr.isTTY === true, homedir })) {
    const found = discovered === undefined ? 'no config found; ' : '';
    context.note(context.err.dim(`mcpx: ${found}using the example fleet (${file}). ${selfName(env, cwd)} config init writes your own.`));
  }
  return { config, file, origin: 'example' };
}

/**
 * The home folder of the run's environment (`HOME`, or `USERPROFILE` on Windows), so that
 * `run({ env })` looks for configs in the home it was given; `os.homedir()` when unset.
 */
export function homeOf(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  return (platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
}
