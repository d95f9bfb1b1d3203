import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, requireBuild } from './helpers.js';

beforeAll(requireBuild);

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
