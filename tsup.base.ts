import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from 'tsup';

/** Shared tsup settings: ESM with declarations, package version baked in at build time. */
export function packageConfig(entry: Record<string, string> = { index: 'src/index.ts' }): Options {
  const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
  return {
    entry,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
    define: { __MCPX_VERSION__: JSON.stringify(pkg.version) },
  };
}
