import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The root of the clone of the mcpx repository this CLI runs from, or undefined when it runs
 * from an installed package (`node_modules/@mcpx/cli/dist`).
 */
export function cloneRoot(from: string | URL = import.meta.url): string | undefined {
  // The built modules sit in packages/cli/dist: the repository is three folders up.
  const root = fileURLToPath(new URL('../../../', from));
  return existsSync(join(root, 'pnpm-workspace.yaml')) && existsSync(join(root, 'packages', 'cli', 'package.json')) ? root : undefined;
}
