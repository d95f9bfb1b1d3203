import { accessSync, constants, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';

/** Where to look for a command, as starting a server would. */
export interface CommandSearch {
  /** The PATH the server gets. */
  readonly path: string | undefined;
  /** Windows: the extensions a command may omit (PATHEXT). @default '.COM;.EXE;.BAT;.CMD' */
  readonly pathext?: string | undefined;
  /** Where a relative command (`./server.sh`) starts: the server's working folder. */
  readonly cwd: string;
  /** @default process.platform */
  readonly platform?: NodeJS.Platform | undefined;
}

/**
 * What starting `command` would find: `{ found }`, the file; `{ shellOnly }`, on Windows a
 * script such as `npx.cmd` that a process cannot be started from without a shell (mcpx never
 * uses one); `{ notExecutable }`, a file without the permission to run it; or `{}`, nothing.
 * A name without a folder is looked up in `path`, one with a folder from `cwd`.
 */
export function findCommand(command: string, search: CommandSearch): { found?: string; shellOnly?: string; notExecutable?: string } {
  const platform = search.platform ?? process.platform;
  const windows = platform === 'win32';
  const hasFolder = command.includes('/') || (windows && command.includes('\\'));
  const folders =
    hasFolder || isAbsolute(command) ? [''] : (search.path ?? '').split(windows ? ';' : ':').filter((folder) => folder !== '');
  // Node starts a name as given, or with .com or .exe on Windows; other PATHEXT extensions need a shell.
  const runnable = windows ? (extname(command) === '' ? ['.com', '.exe'] : ['']) : [''];
  const scripts =
    windows && extname(command) === ''
      ? (search.pathext ?? '.COM;.EXE;.BAT;.CMD')
          .split(';')
          .map((ext) => ext.toLowerCase())
          .filter((ext) => ext !== '' && !runnable.includes(ext))
      : [];
  let notExecutable: string | undefined;
  for (const folder of folders) {
    const base = folder === '' ? resolve(search.cwd, command) : join(folder, command);
    for (const ext of runnable) {
      const file = base + ext;
      if (!isFile(file)) continue;
      if (windows || isExecutable(file)) return { found: file };
      notExecutable ??= file;
    }
    const script = scripts.map((ext) => base + ext).find(isFile);
    if (script !== undefined) return { shellOnly: script };
  }
  return notExecutable === undefined ? {} : { notExecutable };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
