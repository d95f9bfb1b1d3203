import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { homeOf } from '../fleet/load-fleet-config.js';
import { candidates } from './candidates.js';

/**
 * `mcpx __complete <words...>`, what the completion scripts call: prints the candidates for the
 * last word, one a line. Server names come from the config (`--config` among the words, else the
 * discovered one), read without connecting; a config that cannot be read gives none. Never fails.
 */
export async function complete(io: Io, words: readonly string[]): Promise<number> {
  const configFlag = words.findIndex((word) => word === '--config' || word === '-c');
  const path = configFlag === -1 ? words.find((word) => word.startsWith('--config='))?.slice('--config='.length) : words[configFlag + 1];
  const names = await serverNames(io, path);
  for (const candidate of candidates(words.length === 0 ? [''] : words, () => names)) io.stdout.write(`${candidate}\n`);
  return EXIT.ok;
}

async function serverNames(io: Io, path: string | undefined): Promise<string[]> {
  try {
    const { loadConfig } = await import('@mcpx/factory');
    const config = await loadConfig({ path, cwd: io.cwd, env: io.env, homedir: homeOf(io.env) });
    return config.servers.map((server) => server.name);
  } catch {
    return []; // no config, or a broken one: complete everything else
  }
}
