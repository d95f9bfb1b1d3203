import { didYouMean } from '../args/suggest.js';
import { UsageError } from '../errors/cli-error.js';

/** What `call` and `prompt` were given: `server/name`, or a catalog's qualified name (`server__name`). */
export type Target = { readonly server: string; readonly name: string } | { readonly server: undefined; readonly qualified: string };

/**
 * Splits `server/name` at the longest server name that prefixes it (server names may hold a
 * `/`); a word without `/` is a qualified catalog name.
 */
export function parseTarget(word: string, servers: readonly string[], kind: 'tool' | 'prompt'): Target {
  if (!word.includes('/')) return { server: undefined, qualified: word };
  const server = [...servers]
    .sort((a, b) => b.length - a.length)
    .find((name) => word.startsWith(`${name}/`) && word.length > name.length + 1);
  if (server === undefined) {
    const given = word.slice(0, word.indexOf('/'));
    throw new UsageError(`no server named "${given}"${didYouMean(given, servers)}; write <server>/<${kind}>`, {
      hint: `the servers: ${servers.join(', ')}`,
    });
  }
  return { server, name: word.slice(server.length + 1) };
}
