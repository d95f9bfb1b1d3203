import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const factory = resolve(here, '..');
const packages = resolve(factory, '..');
const app = tempDir('app');

/**
 * An application folder as npm would lay it out after `npm install @mcpx/factory @mcpx/stdio`:
 * the built factory, its dependencies, @mcpx/stdio, no @mcpx/http, @mcpx/sse, @mcpx/auth nor @mcpx/redis, and a
 * @mcpx/websocket whose own dependency is missing.
 */
beforeAll(() => {
  if (!existsSync(join(factory, 'dist', 'index.js'))) throw new Error('build @mcpx/factory first (pnpm build)');
  const modules = join(app.path, 'node_modules');
  mkdirSync(join(modules, '@mcpx', 'factory'), { recursive: true });
  cpSync(join(factory, 'package.json'), join(modules, '@mcpx', 'factory', 'package.json'));
  cpSync(join(factory, 'dist'), join(modules, '@mcpx', 'factory', 'dist'), { recursive: true });
  for (const name of ['core', 'registry', 'stdio']) symlinkSync(join(packages, name), join(modules, '@mcpx', name), 'dir');
  symlinkSync(realpathSync(join(factory, 'node_modules', 'smol-toml')), join(modules, 'smol-toml'), 'dir');
  mkdirSync(join(modules, '@mcpx', 'websocket'));
  writeFileSync(
    join(modules, '@mcpx', 'websocket', 'package.json'),
    JSON.stringify({
      name: '@mcpx/websocket',
      version: '0.1.0',
      type: 'module',
      exports: { '.': './index.js', './package.json': './package.json' },
    }),
  );
  writeFileSync(join(modules, '@mcpx', 'websocket', 'index.js'), "export * from 'mcpx-dependency-that-is-not-installed';\n");
  writeFileSync(
    join(app.path, 'check.mjs'),
    `import { createClient, createRegistry, supportedTransports } from '@mcpx/factory';
const report = { supported: supportedTransports() };
for (const [name, entry] of [['github', { url: 'https://127.0.0.1:9/mcp' }], ['legacy', { type: 'sse', url: 'http://127.0.0.1:9/sse' }], ['socket', { url: 'ws://127.0.0.1:9/mcp' }], ['secured', { url: 'https://127.0.0.1:9/mcp', oauth: { clientId: 'abc' } }]]) {
  try {
    await createClient(entry, { name });
    report[name] = 'connected';
  } catch (error) {
    report[name] = { name: error.name, code: error.code, server: error.server, message: error.message };
  }
}
try {
  await createRegistry({ mcpServers: {}, store: { redis: 'redis://127.0.0.1:9' } });
  report.store = 'connected';
} catch (error) {
  report.store = { name: error.name, code: error.code, message: error.message };
}
console.log(JSON.stringify(report));
`,
  );
});

afterAll(() => app[Symbol.dispose]());

describe('optional transport packages, in an application that installed only @mcpx/stdio', () => {
  it('imports no transport package when the factory is imported: only core (with its tasks entry), registry, smol-toml and Node', async () => {
    const { readFile } = await import('node:fs/promises');
    const built = await readFile(join(factory, 'dist', 'index.js'), 'utf8');
    const staticImports = [...built.matchAll(/^import .* from ['"]([^'"]+)['"];?$/gm)].map((match) => match[1]);
    expect(
      staticImports.filter(
        (specifier) =>
          !['@mcpx/core', '@mcpx/core/internal', '@mcpx/core/tasks', '@mcpx/registry', 'smol-toml'].includes(specifier!) &&
          !/^(node:)?[a-z/]+$/.test(specifier!),
      ),
    ).toEqual([]);
    expect([...built.matchAll(/import\(['"](@mcpx\/[a-z]+)['"]\)/g)].map((match) => match[1]).sort()).toEqual([
      '@mcpx/auth',
      '@mcpx/grpc',
      '@mcpx/http',
      '@mcpx/redis',
      '@mcpx/sse',
      '@mcpx/stdio',
      '@mcpx/websocket',
    ]);
  });

  it('reports which transports are installed and names the package to install for the others', async () => {
    const env = { ...process.env };
    delete env.NODE_PATH;
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: app.path, env });
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report.supported).toEqual([
      { transport: 'stdio', package: '@mcpx/stdio', installed: true },
      { transport: 'http', package: '@mcpx/http', installed: false },
      { transport: 'sse', package: '@mcpx/sse', installed: false },
      { transport: 'websocket', package: '@mcpx/websocket', installed: true },
      { transport: 'grpc', package: '@mcpx/grpc', installed: false },
    ]);
    expect(report.github).toEqual({
      name: 'ConfigError',
      code: 'CONFIG_INVALID',
      server: 'github',
      message: 'server "github": needs @mcpx/http (the Streamable HTTP transport), which is not installed: npm install @mcpx/http',
    });
    expect(report.legacy).toMatchObject({
      name: 'ConfigError',
      message: 'server "legacy": needs @mcpx/sse (the legacy HTTP+SSE transport), which is not installed: npm install @mcpx/sse',
    });
    // Without OAuth settings a server connects without OAuth; with them, @mcpx/auth is needed.
    expect(report.secured).toEqual({
      name: 'ConfigError',
      code: 'CONFIG_INVALID',
      server: 'secured',
      message:
        'server "secured": has OAuth settings ("oauth") but @mcpx/auth is not installed: npm install @mcpx/auth, or write "oauth": false',
    });
    expect(report.socket).toMatchObject({
      name: 'ConfigError',
      server: 'socket',
      message: expect.stringMatching(
        /^server "socket": @mcpx\/websocket is installed but failed to load \(.*mcpx-dependency-that-is-not-installed.*\); reinstall it$/,
      ),
    });
    // A config with a store needs @mcpx/redis, and says so before connecting anything.
    expect(report.store).toEqual({
      name: 'ConfigError',
      code: 'CONFIG_INVALID',
      message:
        'the config has a "store" on Redis, which needs @mcpx/redis, and it is not installed: npm install @mcpx/redis, or remove "store"',
    });
  });
});
