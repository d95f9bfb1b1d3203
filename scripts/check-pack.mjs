// Packs every published package as npm would get it and installs the tarballs into an empty
// project outside the repository, then checks what a user meets: each tarball has its LICENSE,
// README (pnpm adds the root LICENSE to each) and no workspace: or private dependency; `import` works from ESM and `require()` from
// CommonJS (the packages are ESM only, for Node ^20.19 or >=22.12, which require ESM unflagged);
// and TypeScript type-checks both an ES module and a CommonJS file using them (module nodenext).
// The root entries are checked first without optional peer dependencies (a model SDK), then with them.
// Third-party dependencies come from the npm registry. Run by .ci/run after the build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const published = readdirSync(join(root, 'packages'))
  .map((folder) => ({
    folder: join(root, 'packages', folder),
    manifest: JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')),
  }))
  .filter(({ manifest }) => manifest.private !== true);
const privateNames = new Set(
  readdirSync(join(root, 'packages'))
    .map((folder) => JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')))
    .filter((manifest) => manifest.private === true)
    .map((manifest) => manifest.name)
    .concat(['@mcpx/examples', '@mcpx/scripts']),
);
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const problems = [];
const scratch = mkdtempSync(join(tmpdir(), 'mcpx-pack-'));
try {
  const tarballs = join(scratch, 'tarballs');
  mkdirSync(tarballs);
  for (const { folder, manifest } of published) {
    const file = run('pnpm', ['pack', '--pack-destination', tarballs], folder).trim().split('\n').at(-1);
    const listing = run('tar', ['-tzf', file], root).split('\n');
    for (const needed of ['package/LICENSE', 'package/README.md', 'package/package.json']) {
      if (!listing.includes(needed)) problems.push(`${manifest.name}: the tarball has no ${needed.slice('package/'.length)}`);
    }
    const packed = JSON.parse(run('tar', ['-xzOf', file, 'package/package.json'], root));
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [name, range] of Object.entries(packed[field] ?? {})) {
        if (String(range).startsWith('workspace:')) problems.push(`${manifest.name}: ${field}.${name} is still ${range} in the tarball`);
        if (privateNames.has(name)) problems.push(`${manifest.name}: ${field} names the private package ${name}`);
      }
    }
    for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'author', 'license']) {
      if (packed[field] === undefined) problems.push(`${manifest.name}: package.json has no "${field}"`);
    }
  }

  const project = join(scratch, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'mcpx-pack-check', private: true, version: '0.0.0' }, null, 2));
  const files = readdirSync(tarballs).map((name) => join(tarballs, name));
  // @mcpx/cli is an application that depends on the model SDKs (for `mcpx chat`): it is installed
  // after the check without optional peers, which is about the libraries.
  const applications = new Set(['@mcpx/cli']);
  const isApplication = (file) => [...applications].some((name) => basename(file).startsWith(`${name.slice(1).replace('/', '-')}-`));
  const tsc = (config) => run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], project);
  const compilerOptions = {
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
  };
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      '@types/node@20',
      ...files.filter((file) => !isApplication(file)),
    ],
    project,
  );

  // First without the optional peers, as a user of one model SDK has none of the others: each
  // package's root entry must import and type-check (@mcpx/ai's own root needs no model SDK).
  const rootNames = published.map(({ manifest }) => manifest.name).filter((name) => !applications.has(name));
  writeFileSync(
    join(project, 'bare.mjs'),
    rootNames.map((name, index) => `import * as m${index} from '${name}';\nvoid m${index};`).join('\n'),
  );
  writeFileSync(
    join(project, 'bare.mts'),
    `${rootNames.map((name, index) => `import * as m${index} from '${name}';\nvoid m${index};`).join('\n')}\nimport { selectTools, type ToolCallEvent } from '@mcpx/ai';\nconst seen: ToolCallEvent[] = [];\nvoid selectTools; void seen;\n`,
  );
  writeFileSync(join(project, 'tsconfig.bare.json'), JSON.stringify({ compilerOptions, files: ['bare.mts'] }));
  try {
    run(process.execPath, ['bare.mjs'], project);
  } catch (error) {
    problems.push(
      `without optional peers, importing the root entries fails: ${
        String(error.stderr)
          .split('\n')
          .find((line) => /Error/.test(line)) ?? error.message
      }`,
    );
  }
  try {
    tsc('tsconfig.bare.json');
  } catch (error) {
    problems.push(
      `without optional peers, TypeScript rejects the root entries:\n    ${String(error.stdout).trim().split('\n').join('\n    ')}`,
    );
  }

  // Then the optional peers from outside the repository (the model SDKs for @mcpx/ai/anthropic and /openai, ai for @mcpx/ai/ai-sdk),
  // which npm leaves out: a user installs the one they use, and the checks below need them.
  const ours = new Set(published.map(({ manifest }) => manifest.name));
  const optionalPeers = published.flatMap(({ manifest }) =>
    Object.entries(manifest.peerDependenciesMeta ?? {})
      .filter(([name, meta]) => meta.optional === true && !ours.has(name))
      .map(([name]) => `${name}@${manifest.peerDependencies[name]}`),
  );
  for (const peer of optionalPeers) {
    const name = peer.slice(0, peer.lastIndexOf('@'));
    if (existsSync(join(project, 'node_modules', name)))
      problems.push(`${name} was installed before it was asked for: the check without optional peers proves nothing`);
  }
  // The AI SDK's declarations import `json-schema` without depending on @types/json-schema (the
  // pull request https://github.com/vercel/ai/pull/15874 would add it): its users who type-check
  // libraries (skipLibCheck false) install it too.
  const peerTypeGaps = optionalPeers.some((peer) => peer.startsWith('ai@')) ? ['@types/json-schema@^7.0.15'] : [];
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...optionalPeers, ...peerTypeGaps, ...files],
    project,
  );

  const names = published.map(({ manifest }) => manifest.name);
  writeFileSync(
    join(project, 'esm.mjs'),
    names
      .map(
        (name, index) =>
          `import * as m${index} from '${name}';\nif (Object.keys(m${index}).length === 0) throw new Error('${name}: nothing exported');`,
      )
      .join('\n'),
  );
  writeFileSync(
    join(project, 'cjs.cjs'),
    names.map((name) => `if (Object.keys(require('${name}')).length === 0) throw new Error('${name}: nothing exported');`).join('\n'),
  );
  for (const script of ['esm.mjs', 'cjs.cjs']) {
    try {
      run(process.execPath, [script], project);
    } catch (error) {
      problems.push(
        `${script}: ${
          String(error.stderr)
            .split('\n')
            .find((line) => /Error/.test(line)) ?? error.message
        }`,
      );
    }
  }
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['types.mts', 'types.cts'] }));
  const usage = `const client = new McpClient({ name: 'pack-check' });\nconst transport: Transport = new StdioTransport({ command: 'node' });\nvoid client; void transport;\n`;
  writeFileSync(
    join(project, 'types.mts'),
    `import { McpClient, type Transport } from '@mcpx/core';\nimport { StdioTransport } from '@mcpx/stdio';\nimport { createRegistry } from '@mcpx/factory';\nimport { anthropicTools } from '@mcpx/ai/anthropic';\nimport { openaiTools } from '@mcpx/ai/openai';\nimport { aiSdkTools } from '@mcpx/ai/ai-sdk';\nvoid createRegistry;\nvoid anthropicTools;\nvoid openaiTools;\nvoid aiSdkTools;\n${usage}`,
  );
  writeFileSync(
    join(project, 'types.cts'),
    `import { McpClient, type Transport } from '@mcpx/core';\nimport { StdioTransport } from '@mcpx/stdio';\n${usage}`,
  );
  try {
    tsc(project);
  } catch (error) {
    problems.push(`TypeScript (module nodenext) rejects the packages:\n    ${String(error.stdout).trim().split('\n').join('\n    ')}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`packed packages:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `packed packages: ${published.length} tarballs install into an empty project; import, require() and TypeScript (ESM and CommonJS) work`,
);
