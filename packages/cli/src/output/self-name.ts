import { basename, isAbsolute, relative } from 'node:path';
import { cloneRoot } from '../fleet/repository.js';

/**
 * How to tell the user to run mcpx again, the way they ran it: `pnpm mcpx` when pnpm started
 * it in a clone of the repository (the root's `mcpx` script, or pnpm's fallback to the `mcpx`
 * bin in a package folder), `node <path>/bin.js` when they ran a clone's built file with node,
 * else `mcpx`.
 */
export function selfName(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  script: string | undefined = process.argv[1],
  clone: string | undefined = cloneRoot(),
): string {
  if (clone === undefined) return 'mcpx';
  if (env.npm_config_user_agent?.startsWith('pnpm/')) return 'pnpm mcpx';
  if (script !== undefined && basename(script) === 'bin.js') {
    const path = relative(cwd, script);
    return `node ${path.startsWith('..') || isAbsolute(path) ? script : path}`;
  }
  return 'mcpx';
}
