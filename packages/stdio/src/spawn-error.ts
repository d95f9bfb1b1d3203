import { fs } from './node-builtins.js';
import { TransportError } from '@mcpx/core/internal';
import type { ResolvedStdioOptions } from './options.js';

/** Spawn failures that may pass on a later attempt. */
const TRANSIENT_CODES = new Set(['EAGAIN', 'EMFILE', 'ENFILE', 'ENOMEM']);

/** Explains why the server process could not be spawned, and what to check. */
export function spawnError(
  error: unknown,
  options: Pick<ResolvedStdioOptions, 'command' | 'cwd' | 'name'>,
  description: string,
): TransportError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const { command, cwd } = options;
  let problem: string;
  if (code === 'ENOENT' && cwd !== undefined && !fs.existsSync(cwd)) {
    problem = `its working directory "${cwd}" does not exist; check the cwd option`;
  } else if (code === 'ENOENT') {
    problem = `the command "${command}" was not found; check the command name and that it is on the PATH, or give its absolute path`;
    if (process.platform === 'win32') {
      problem +=
        '. On Windows, scripts such as npx are .cmd files that cannot run without a shell: use command "cmd" with args ["/c", "npx", ...]';
    }
  } else if (code === 'EACCES') {
    problem = `the command "${command}" could not be executed (permission denied); check that it is an executable file`;
  } else {
    problem = `${error instanceof Error ? error.message : String(error)}; check the command "${command}", its arguments and the PATH`;
  }
  return new TransportError(`could not start the server process "${description}": ${problem}`, {
    cause: error,
    target: description,
    server: options.name,
    isRetryable: code !== undefined && TRANSIENT_CODES.has(code),
  });
}
