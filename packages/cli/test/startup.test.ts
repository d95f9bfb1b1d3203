import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, mcpx, requireBuild, scratch } from './helpers.js';

beforeAll(requireBuild);
const dir = scratch('startup');
afterAll(() => dir[Symbol.dispose]());

/** Every bare module specifier `file` imports statically, following its relative imports. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const bare = new Set<string>();
  if (seen.has(file)) return bare;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)) {
    const specifier = match[1] ?? match[2]!;
    if (specifier.startsWith('.')) for (const inner of staticImports(join(file, '..', specifier), seen)) bare.add(inner);
    else bare.add(specifier);
  }
  return bare;
}

describe('startup', () => {
  it('loads no MCP package before a command needs it, so that --help and usage errors are instant', () => {
    const imports = [...staticImports(BIN)];
    expect(imports.filter((specifier) => specifier.startsWith('@mcpx/') || specifier === 'zod')).toEqual([]);
    expect(imports.every((specifier) => specifier.startsWith('node:'))).toBe(true);
  });
});

/**
 * The modules `mcpx args` loads, as file URLs (logged under `name`): a module hook, registered in the CLI's process
 * only (through NODE_OPTIONS), writes each one it loads to a file.
 */
async function modulesLoaded(name: string, args: string[]): Promise<{ code: number | null; stderr: string; modules: string[] }> {
  const log = join(dir.path, `${name}.loaded.txt`);
  const hooks = dir.write(
    'hooks.mjs',
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) { appendFileSync(log, url + '\\n'); return next(url, context); }
`,
  );
  const register = dir.write(
    'register.mjs',
    `import { register } from 'node:module';
if (process.argv[1] === ${JSON.stringify(BIN)}) register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { log: ${JSON.stringify(log)} } });
`,
  );
  const result = await mcpx(args, { dir, env: { NODE_OPTIONS: `--import=${pathToFileURL(register).href}` } });
  const modules = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { code: result.code, stderr: result.stderr, modules };
}

/** Whether a module URL is of package `name` (installed, or a workspace package of this repository). */
const ofPackage = (url: string, name: string): boolean =>
  url.includes(`/node_modules/${name}/`) || (name.startsWith('@mcpx/') && url.includes(`/packages/${name.slice(6)}/`));

// Each of these is 20 to 90 ms of module loading on Node 20 (zod, yaml, jose with oauth4webapi,
// smol-toml): a command on local servers with a JSON config needs none of them.
const HEAVY = ['zod', 'yaml', 'jose', 'oauth4webapi', 'smol-toml', '@mcpx/auth'];

describe('the modules a command loads', () => {
  const server = { command: process.execPath, args: [join(FIXTURES, 'fixture-server.mjs')] };

  it('lists the tools of a local server from a JSON config without loading a parser or OAuth it does not use', async () => {
    const config = dir.write('local.json', JSON.stringify({ mcpServers: { local: server } }));
    const { code, stderr, modules } = await modulesLoaded('json', ['-c', config, 'tools']);
    expect(code, stderr).toBe(0);
    // The hook saw the command's modules, so that the check below can fail.
    expect(modules.some((url) => ofPackage(url, '@mcpx/core') && url.endsWith('/internal.js'))).toBe(true);
    expect(HEAVY.filter((name) => modules.some((url) => ofPackage(url, name)))).toEqual([]);
  });

  it('loads the TOML parser for a TOML config, and only then', async () => {
    const config = dir.write('local.toml', `[local]\ncommand = ${JSON.stringify(server.command)}\nargs = ${JSON.stringify(server.args)}\n`);
    const { code, stderr, modules } = await modulesLoaded('toml', ['-c', config, 'tools']);
    expect(code, stderr).toBe(0);
    expect(HEAVY.filter((name) => modules.some((url) => ofPackage(url, name)))).toEqual(['smol-toml']);
  });
});
