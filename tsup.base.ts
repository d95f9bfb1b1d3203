import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

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

/**
 * Settings of a package with main entries, built together, and satellite entries, each built as
 * one file that imports what it shares with the main entries from their built files (`./index.js`).
 * Built all together, esbuild puts the code each set of entries shares in a chunk of its own, and
 * importing the main entry loads a dozen or more files: the ESM loader costs more a file than a
 * chunk's bytes do. A satellite module that imports a module of the main entries' graph other than
 * through an entry fails the build, since it would be a second copy (another class of the same name).
 */
export function satelliteConfigs(main: Record<string, string>, satellites: Record<string, string>): Options[] {
  const satelliteFiles = Object.keys(satellites).flatMap((name) => [`!${name}.js`, `!${name}.js.map`]);
  return [
    { ...packageConfig(main), dts: { entry: { ...main, ...satellites } }, clean: satelliteFiles },
    {
      ...packageConfig(satellites),
      dts: false,
      clean: false,
      splitting: false,
      esbuildPlugins: [importMainEntries(main)],
    },
  ];
}

/** Resolves imports of the main entries to their built files, and refuses imports of what they contain. */
function importMainEntries(main: Record<string, string>): EsbuildPlugin {
  const root = process.cwd();
  const entries = new Map(Object.entries(main).map(([name, file]) => [resolve(root, file), `./${name}.js`]));
  return {
    name: 'mcpx-import-main-entries',
    setup(build) {
      let contained = new Set<string>();
      build.onStart(async () => {
        const graph = await build.esbuild.build({
          entryPoints: Object.values(main),
          bundle: true,
          write: false,
          metafile: true,
          splitting: true,
          format: 'esm',
          platform: 'node',
          outdir: 'dist',
          packages: 'external',
          logLevel: 'silent',
        });
        contained = new Set(Object.keys(graph.metafile.inputs).map((file) => resolve(root, file)));
      });
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const file = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        const entry = entries.get(file);
        if (entry !== undefined) return { path: entry, external: true };
        if (!existsSync(file) || !contained.has(file)) return undefined;
        const sources = Object.values(main).join(' or ');
        return {
          errors: [
            {
              text: `${relative(root, args.importer)} imports ${args.path}, which the main entries contain: import it from ${sources} (exporting it there if needed), so that the build keeps one copy of it`,
            },
          ],
        };
      });
    },
  };
}
