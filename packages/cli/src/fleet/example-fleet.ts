import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloneRoot } from './repository.js';

/** The servers of the example fleet, npm packages installed with the repository. */
export const EXAMPLE_PACKAGES: readonly string[] = [
  '@modelcontextprotocol/server-everything',
  '@modelcontextprotocol/server-filesystem',
  '@modelcontextprotocol/server-memory',
];

/** The example fleet: its file, and the variables its `${...}` references need. */
export interface ExampleFleet {
  readonly file: string;
  readonly variables: Record<string, string>;
}

/**
 * The repository's `examples/mcp_servers.json`, when this CLI runs from a clone (it is not in
 * the published package), with `MCPX_EXAMPLE_MODULES` (a `node_modules` folder holding the three
 * servers: the examples' own, else this package's dev dependencies) and `MCPX_EXAMPLE_ROOT`
 * (the folder server-filesystem serves, created and seeded on first use) unless already set.
 */
export function exampleFleet(
  env: Readonly<Record<string, string | undefined>>,
  repository: string | undefined = cloneRoot(),
): ExampleFleet | undefined {
  const file = exampleFleetFile(repository);
  if (repository === undefined || file === undefined) return undefined;
  const variables: Record<string, string> = {};
  if (!env.MCPX_EXAMPLE_MODULES) {
    const candidates = [join(repository, 'examples', 'node_modules'), join(repository, 'packages', 'cli', 'node_modules')];
    const modules = candidates.find((folder) => EXAMPLE_PACKAGES.every((name) => existsSync(join(folder, name, 'package.json'))));
    if (modules !== undefined) variables.MCPX_EXAMPLE_MODULES = modules;
  }
  const root = env.MCPX_EXAMPLE_ROOT || join(tmpdir(), 'mcpx-examples');
  if (!env.MCPX_EXAMPLE_ROOT) variables.MCPX_EXAMPLE_ROOT = root;
  seed(root);
  return { file, variables };
}

function seed(root: string): void {
  mkdirSync(root, { recursive: true });
  const hello = join(root, 'hello.txt');
  if (!existsSync(hello)) writeFileSync(hello, 'Hello from the mcpx example fleet! server-filesystem serves this folder.\n');
}

/** The example fleet's file in the clone this CLI runs from; undefined in an installed CLI. */
export function exampleFleetFile(repository: string | undefined = cloneRoot()): string | undefined {
  const file = repository === undefined ? undefined : join(repository, 'examples', 'mcp_servers.json');
  return file !== undefined && existsSync(file) ? file : undefined;
}
