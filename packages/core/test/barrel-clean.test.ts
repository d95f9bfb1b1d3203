import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Every bare or relative specifier a built file imports statically (not `import()`). */
function staticImports(file: string): string[] {
  const source = readFileSync(dist + file, 'utf8');
  return [...source.matchAll(/(?:^|[;\n])\s*(?:import|export)\s*(?:[^'"()]*?\sfrom\s*)?["']([^"']+)["']/g)].map((m) => m[1] ?? '');
}

/** The static import closure of an entry: what loading it loads. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    for (const specifier of staticImports(file)) {
      if (seen.has(specifier)) continue;
      seen.add(specifier);
      if (specifier.startsWith('./')) visit(specifier.slice(2));
    }
  };
  visit(entry);
  return seen;
}

describe('the built @mcpx/core', () => {
  const files = readdirSync(dist).filter((f) => f.endsWith('.js'));

  it('has a main, a schemas and a testing entry', () => {
    expect(files).toEqual(expect.arrayContaining(['index.js', 'schemas.js', 'testing.js']));
  });

  it.each(['node:child_process', 'child_process', 'ws', 'undici', 'node:http', 'node:net'])('never imports %s', (specifier) => {
    for (const file of files) expect(closure(file).has(specifier), file).toBe(false);
  });

  it('does not load zod when the main entry is imported (it loads when a result is first validated)', () => {
    expect([...closure('index.js')].filter((s) => !s.startsWith('./'))).not.toContain('zod');
  });

  it('does load zod from the schemas entry, so the check above can fail', () => {
    expect(closure('schemas.js').has('zod')).toBe(true);
  });

  // zod is about 90 ms of module loading and yaml about 40 (Node 20): a host that lists tools with
  // their apps, or skills, pays for them only when it reads an app resource or a SKILL.md.
  it.each([
    ['apps.js', 'zod'],
    ['skills.js', 'yaml'],
  ])('does not load its parser when %s is imported: %s loads by import() on first use', (file, parser) => {
    expect(closure(file).has(parser)).toBe(false);
    expect(readFileSync(dist + file, 'utf8')).toContain(`import('${parser}')`);
  });

  // Each file costs Node's ESM loader more than its bytes do (~0.8 ms of CPU a file measured,
  // against ~0.02 ms a KB): what @mcpx/core and a transport import must stay two files, the
  // public entry re-exporting the one file that holds the main graph (internal.js).
  it('loads two files of its own when the main and internal entries are imported', () => {
    const loaded = new Set([...closure('index.js'), ...closure('internal.js')].filter((s) => s.startsWith('./')));
    loaded.add('./index.js').add('./internal.js');
    expect([...loaded].sort()).toEqual(['./index.js', './internal.js']);
  });

  it('builds the main entry as a file that only re-exports internal.js', () => {
    const source = readFileSync(dist + 'index.js', 'utf8')
      .replace(/\/\/# sourceMappingURL=.*$/gm, '')
      .trim();
    expect(source).toMatch(/^export \{[^}]+\} from '\.\/internal\.js';$/);
  });

  // The bytes evaluated at import: the era sessions and zod load by import() at connect and at
  // the first validation. Raise the bound only for code every connection runs (200 KB to 205 KB:
  // the table of requests in flight as a hash table of its own).
  it('keeps internal.js, the file every import evaluates, under 205 KB', () => {
    expect(statSync(dist + 'internal.js').size).toBeLessThan(205_000);
  });

  it.each(['legacy-session.js', 'modern-session.js', 'schemas.js'])('loads %s by import() from internal.js, not at import', (file) => {
    expect(closure('internal.js').has('./' + file)).toBe(false);
    expect(readFileSync(dist + 'internal.js', 'utf8')).toContain(`import('./${file}')`);
  });

  it.each(['testing.js', 'skills.js', 'tasks.js', 'apps.js', 'schemas.js', 'legacy-session.js', 'modern-session.js'])(
    'builds %s as one file that imports the main graph from internal.js, not from a chunk',
    (file) => {
      const own = staticImports(file).filter((s) => s.startsWith('./'));
      expect(own).toContain('./internal.js');
      expect(own.filter((s) => s !== './index.js' && s !== './internal.js')).toEqual([]);
    },
  );

  // In a `node` of its own: vitest's module loader resolves a missing named import to undefined
  // where Node's loader fails to link the file, as it would for a user.
  it('links every built file: each name it imports from another built file is exported there', () => {
    const urls = files.map((file) => pathToFileURL(dist + file).href);
    const script = `const failed = [];
for (const url of ${JSON.stringify(urls)}) {
  try { await import(url); } catch (error) { failed.push(url.slice(url.lastIndexOf('/') + 1) + ': ' + error.message); }
}
console.log(JSON.stringify(failed));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(files).toEqual(expect.arrayContaining(['index.js', 'internal.js', 'legacy-session.js', 'modern-session.js']));
    expect(JSON.parse(output)).toEqual([]);
  });

  it("declares types for the package's entries only, not for the files it loads by import()", () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, string | { default: string }>;
    };
    const entries = Object.values(pkg.exports).flatMap((entry) =>
      typeof entry === 'string' ? [] : [entry.default.replace('./dist/', '')],
    );
    const declared = files.filter((file) => existsSync(dist + file.replace(/\.js$/, '.d.ts')));
    expect(declared.sort()).toEqual(entries.sort());
  });

  it('bundles each source module into one built file only, so that no module state has two copies', () => {
    const bundled = new Map<string, string[]>();
    for (const file of files) {
      const modules = new Set([...readFileSync(dist + file, 'utf8').matchAll(/^\/\/ (src\/\S+\.ts)$/gm)].map((m) => m[1] ?? ''));
      for (const module of modules) bundled.set(module, [...(bundled.get(module) ?? []), file]);
    }
    expect(bundled.get('src/jsonrpc/engine.ts')).toEqual(['internal.js']);
    expect([...bundled].filter(([, where]) => where.length > 1)).toEqual([]);
  });

  it('declares each class in one built file only, so that the entries share one copy of each', () => {
    const declared = new Map<string, string[]>();
    for (const file of files) {
      for (const m of readFileSync(dist + file, 'utf8').matchAll(/^(?:var (\w+) = class\b|class (\w+))/gm)) {
        const name = m[1] ?? m[2] ?? '';
        declared.set(name, [...(declared.get(name) ?? []), file]);
      }
    }
    expect(declared.get('ConnectionClosedError')).toHaveLength(1);
    expect([...declared].filter(([, where]) => where.length > 1)).toEqual([]);
  });
});
