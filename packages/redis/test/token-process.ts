import { fileURLToPath } from 'node:url';
import { startJsonLineProcess, type JsonLineProcess } from './helpers/json-line-process.js';

const SCRIPT = fileURLToPath(new URL('./helpers/token-child.mjs', import.meta.url));

/** A Node process running `helpers/token-child.mjs` (against the built @mcpx/redis), and the JSON lines it prints. */
export type TokenChild = JsonLineProcess;

/** Starts `helpers/token-child.mjs` in `mode` with `env` on top of this process's environment. */
export function startTokenChild(mode: 'call' | 'hold-lock', env: Record<string, string>): TokenChild {
  return startJsonLineProcess(SCRIPT, [mode], env);
}
