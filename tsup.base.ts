import { readFileSync } from 'node:fs';
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

/** How a package whose import must stay one file of its own is built (see `satelliteConfigs`). */
export interface SatelliteLayout {
  /**
   * The one file that holds the code of the package's main graph: its name in `dist/`, the
   * build-only module it is built from (which re-exports every main entry and whatever the
   * satellites import from the main graph) and the module its declarations come from.
   */
  root: { name: string; source: string; types: string };
  /**
   * The package's entries built as one file each, that import what they share with the main graph
   * from the root's file: public entries re-exporting the root's (a facade such as `index`) and
   * apart entries (`testing`). An entry the main graph also loads by `import()` (`schemas`) is one
   * of these.
   */
  satellites: Record<string, string>;
  /**
   * Files built like the satellites that the main graph loads by `import()` when first needed and
   * that are no entries of the package (not in its `exports` map): no declarations are built for them.
   * @default {}
   */
  lazy?: Record<string, string>;
}

/**
 * Settings of a package built as one root file and satellite files. Built all together, esbuild
 * puts the code each set of entries (and of `import()`ed modules) shares in a chunk of its own,
 * and importing the main entry loads several files: the ESM loader costs more a file than a
 * chunk's bytes do (~0.8 ms against ~0.02 ms a KB). So the main graph is built as one file (the
 * root), and every entry is a satellite: one file that imports what it shares with the main graph
 * from the root (whose module must export it: the build fails otherwise), and that the main graph
 * imports, statically or by `import()`, as a file of its own. A satellite imports the main graph's
 * names one by one (`import { a } from`): the build cannot check the names a namespace import, an
 * `export *` or an `import()` of the main graph reads, and fails on them.
 */
export function satelliteConfigs(layout: SatelliteLayout): Options[] {
  const { root, satellites, lazy = {} } = layout;
  const built = { ...satellites, ...lazy };
  const builtFiles = Object.keys(built).flatMap((name) => [`!${name}.js`, `!${name}.js.map`]);
  return [
    {
      ...packageConfig({ [root.name]: root.source }),
      splitting: false,
      dts: { entry: { [root.name]: root.types, ...satellites } },
      clean: builtFiles,
      esbuildPlugins: [importSatellites(built, root.source)],
    },
    {
      ...packageConfig(built),
      dts: false,
      clean: false,
      splitting: false,
      esbuildPlugins: [importSatellites(built), importRoot(root, built)],
    },
  ];
}

/** The source file a relative import names, `.js` read as `.ts`. */
function sourceOf(resolveDir: string, path: string): string {
  return resolve(resolveDir, path.replace(/\.js$/, '.ts'));
}

/**
 * Resolves imports of a satellite's module (other than the entry being built) to its built file,
 * except the imports of the root's own module (`rootSource`), which re-exports a facade's modules.
 */
function importSatellites(satellites: Record<string, string>, rootSource?: string): EsbuildPlugin {
  const rootFile = rootSource === undefined ? undefined : resolve(process.cwd(), rootSource);
  const files = new Map(Object.entries(satellites).map(([name, file]) => [resolve(process.cwd(), file), `./${name}.js`]));
  return {
    name: 'mcpx-import-satellites',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point' || args.importer === rootFile) return undefined;
        const file = files.get(sourceOf(args.resolveDir, args.path));
        return file === undefined ? undefined : { path: file, external: true };
      });
    },
  };
}

/**
 * Resolves a satellite's imports of the main graph's modules to the root's built file, and fails
 * the build when a satellite imports from it a name it does not export, or reads its names in a way
 * that cannot be checked (namespace import, `export *`, `import()`).
 */
function importRoot(root: SatelliteLayout['root'], satellites: Record<string, string>): EsbuildPlugin {
  const cwd = process.cwd();
  const rootFile = `./${root.name}.js`;
  return {
    name: 'mcpx-import-root',
    setup(build) {
      let contained = new Set<string>();
      let exported = new Set<string>();
      build.onStart(async () => {
        const graph = await build.esbuild.build({
          entryPoints: { [root.name]: root.source },
          bundle: true,
          write: false,
          metafile: true,
          format: 'esm',
          platform: 'node',
          outdir: 'dist',
          packages: 'external',
          logLevel: 'silent',
          plugins: [importSatellites(satellites, root.source)],
        });
        contained = new Set(Object.keys(graph.metafile.inputs).map((file) => resolve(cwd, file)));
        exported = new Set(Object.values(graph.metafile.outputs).flatMap((output) => output.exports));
      });
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point' || !contained.has(sourceOf(args.resolveDir, args.path))) return undefined;
        if (args.kind === 'dynamic-import') {
          const text = `import('${args.path}') loads a module of the main graph, built into ${rootFile}, whose names the build cannot check: import them by name (import { ... } from '${args.path}') and export them from ${root.source}`;
          return { errors: [{ text }] };
        }
        return { path: rootFile, external: true };
      });
      build.onEnd((result) => {
        const problems = (result.outputFiles ?? []).flatMap((output) =>
          rootImportProblems(output.text, rootFile, exported).map((problem) => `${relative(cwd, output.path)} ${problem}`),
        );
        if (problems.length > 0) throw new Error(`${problems.join('; ')}: export each name from ${root.source} and import it by name`);
      });
    },
  };
}

/** Every static `import … from` or `export … from` statement of a built file: its clause and specifier. */
const fromStatement = /(?:^|[;\n])\s*((?:import|export)\s*([^;"']*?)\s*from\s*["']([^"']+)["'])/g;

/**
 * What is wrong with a built satellite's imports of the root's file: a name the root does not
 * export, or a clause whose names cannot be checked (`* as d`, `*`, a default import).
 */
function rootImportProblems(text: string, rootFile: string, exported: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const [, statement = '', clause = '', from] of text.matchAll(fromStatement)) {
    if (from !== rootFile) continue;
    const list = /^\{([^}]*)\}$/.exec(clause)?.[1];
    if (list === undefined) {
      problems.push(`reads ${rootFile} by \`${statement}\`, whose names the build cannot check`);
      continue;
    }
    const names = list.split(',').map((name) => name.trim().split(/\s+as\s+/)[0] ?? '');
    const absent = names.filter((name) => name !== '' && !exported.has(name));
    if (absent.length > 0) problems.push(`imports ${absent.join(', ')} from ${rootFile}, which does not export it`);
  }
  return problems;
}
