// Runs `changeset version` on a scratch copy of the repository and checks what a release would
// do: each published package gets the bump its changesets ask for (a package no changeset names
// may only get the patch bump of an updated internal dependency), no private package is touched,
// and the package.json files change only in their versions and internal dependency ranges.
// The real tree is never modified. Run by .ci/run.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUMPS = ['patch', 'minor', 'major'];

/** Workspace package.json paths, relative to the root, as pnpm-workspace.yaml lists them. */
function manifests(dir) {
  const block = /^packages:\n((?:\s+-.*\n)+)/m.exec(readFileSync(join(dir, 'pnpm-workspace.yaml'), 'utf8'))?.[1] ?? '';
  const folders = block
    .split('\n')
    .map((line) => /^\s+-\s+(.+)$/.exec(line)?.[1]?.trim())
    .filter((entry) => entry !== undefined);
  return folders.flatMap((folder) =>
    folder.endsWith('/*')
      ? readdirSync(join(dir, folder.slice(0, -2))).map((name) => `${folder.slice(0, -2)}/${name}/package.json`)
      : [`${folder}/package.json`],
  );
}

/** The biggest bump each changeset asks for, by package name. */
function requestedBumps(dir) {
  const bumps = new Map();
  for (const file of readdirSync(join(dir, '.changeset')).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, '.changeset', file), 'utf8'))?.[1] ?? '';
    for (const line of front.split('\n')) {
      const match = /^\s*["']?([^"':]+)["']?\s*:\s*(patch|minor|major)\s*$/.exec(line);
      if (match === null) continue;
      const [, name, bump] = match;
      if (BUMPS.indexOf(bump) > BUMPS.indexOf(bumps.get(name) ?? '')) bumps.set(name, bump);
    }
  }
  return bumps;
}

function bump(version, kind) {
  const [major, minor, patch] = version.split('.').map(Number);
  if (kind === 'major') return `${major + 1}.0.0`;
  if (kind === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

const scratch = mkdtempSync(join(tmpdir(), 'mcpx-changeset-'));
const problems = [];
const changes = [];
try {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(root, file), join(scratch, file));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error; // deleted but not yet committed
    }
  }
  const before = new Map(manifests(scratch).map((path) => [path, readFileSync(join(scratch, path), 'utf8')]));
  const requested = requestedBumps(scratch);
  if (requested.size === 0) {
    console.log('changeset version: no pending changesets, nothing to check');
    process.exit(0);
  }
  execFileSync(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], {
    cwd: scratch,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  for (const [path, text] of before) {
    const old = JSON.parse(text);
    const after = readFileSync(join(scratch, path), 'utf8');
    const now = JSON.parse(after);
    if (old.private === true) {
      if (after !== text) problems.push(`${old.name} (private) was changed by changeset version; it must be left alone`);
      continue;
    }
    const asked = requested.get(old.name);
    changes.push(`${old.name} ${old.version} -> ${now.version}`);
    const allowed = asked === undefined ? [old.version, bump(old.version, 'patch')] : [bump(old.version, asked)];
    if (!allowed.includes(now.version)) {
      problems.push(
        `${old.name}: ${old.version} became ${now.version}; its changesets ask for ${asked ?? 'nothing'} (expected ${allowed.join(' or ')})`,
      );
    }
    const oldLines = text.split('\n');
    const newLines = after.split('\n');
    if (oldLines.length !== newLines.length) {
      problems.push(
        `${path}: reformatted by changeset version (${oldLines.length} lines became ${newLines.length}); keep package.json in the JSON.stringify(…, null, 2) layout`,
      );
      continue;
    }
    oldLines.forEach((line, index) => {
      const changed = newLines[index];
      if (changed !== line && !/^\s*"(version|@mcpx\/[\w-]+)": "/.test(changed))
        problems.push(`${path}:${index + 1}: changed beyond a version or an internal range: ${changed.trim()}`);
    });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`changeset version would not release what the changesets say:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `changeset version: every published package gets the bump its changesets ask for (${changes.join(', ')}); private packages untouched`,
);
