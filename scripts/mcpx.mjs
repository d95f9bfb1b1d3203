#!/usr/bin/env node
// `pnpm mcpx` in a clone of the repository: the built CLI, run in the folder the user ran pnpm
// from. pnpm runs the root's scripts in the repository root and says where the user was in
// INIT_CWD; from a package folder (which has a package.json of its own) pnpm falls back to this
// file as the `mcpx` bin of the root, already in that folder.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bin = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));
if (!existsSync(bin)) {
  console.error('mcpx is not built yet: run pnpm build (or pnpm start, which builds and runs the demo)');
  process.exit(1);
}
if (process.env.npm_lifecycle_event && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
await import(pathToFileURL(bin).href);
