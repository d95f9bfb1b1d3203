import type { CatalogFailure } from '@mcpx/registry';
import { didYouMean } from '../args/suggest.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { downExitCode, explainDown } from './down.js';
import type { Fleet } from './open-fleet.js';
import type { Target } from './target.js';

/** An entry of the fleet's catalog: a tool or a prompt. */
interface Entry {
  readonly name: string;
  readonly server: string;
  readonly originalName: string;
}

/** The entries of one kind in the fleet's catalog, and how to speak of them. */
export interface EntryKind<T extends Entry> {
  /** `tool` or `prompt`. */
  readonly noun: 'tool' | 'prompt';
  /** The catalog of this kind, with the servers that failed to list it. */
  list(fleet: Fleet): Promise<{ entries: readonly T[]; failures: readonly CatalogFailure[] }>;
  /** Throws a better error than "has no tool" where there is one (a tool the config hides). */
  explainMissing?(server: string, name: string): void;
}

/**
 * The catalog's entry `target` names: a server that is down, or that failed to list, throws
 * why; a name that is not there throws a usage error with the closest names and the command
 * that lists them.
 */
export async function findEntry<T extends Entry>(fleet: Fleet, target: Target, kind: EntryKind<T>): Promise<T> {
  const { noun } = kind;
  if (target.server !== undefined) {
    const view = fleet.registry.get(target.server)!;
    if (view.state !== 'connected' && view.state !== 'degraded') throw new CliError(explainDown(fleet, view), downExitCode([view]));
  }
  const catalog = await kind.list(fleet);
  const failure = catalog.failures.find((item) => item.server === target.server);
  if (failure !== undefined) throw failure.error;
  if (target.server === undefined) {
    const entry = catalog.entries.find((item) => item.name === target.qualified);
    if (entry !== undefined) return entry;
    const names = catalog.entries.map((item) => item.name);
    throw new UsageError(`no ${noun} is named "${target.qualified}"${didYouMean(target.qualified, names)}; write <server>/<${noun}>`, {
      hint: `mcpx ${noun}s lists them`,
    });
  }
  const own = catalog.entries.filter((item) => item.server === target.server);
  const entry = own.find((item) => item.originalName === target.name);
  if (entry !== undefined) return entry;
  kind.explainMissing?.(target.server, target.name);
  const names = own.map((item) => item.originalName);
  throw new UsageError(`${target.server} has no ${noun} "${target.name}"${didYouMean(target.name, names)}`, {
    hint: `mcpx ${noun}s ${target.server} lists its ${noun}s`,
  });
}
