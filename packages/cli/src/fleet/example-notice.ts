import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** What decides whether to say that the example fleet is used. */
export interface ExampleNoticeOptions {
  readonly env: Env;
  /** Whether stderr is a terminal. */
  readonly terminal: boolean;
  readonly homedir: string;
  /** @default process.platform */
  readonly platform?: NodeJS.Platform | undefined;
  /** @default terminalSession(env) */
  readonly session?: string | undefined;
}

/** How many terminal sessions the notice file remembers. */
const REMEMBERED = 20;

/**
 * Whether to say that the example fleet is used. Not on a terminal (a log, a script): on
 * every run, so that a record says which servers answered. On a terminal: once per terminal
 * session, remembered in `example-fleet-sessions` under the user's cache folder. A file that
 * cannot be read or written means saying it.
 */
export function announceExampleFleet(options: ExampleNoticeOptions): boolean {
  if (!options.terminal) return true;
  const session = options.session ?? terminalSession(options.env);
  const folder = cacheDir(options.env, options.homedir, options.platform);
  const file = join(folder, 'example-fleet-sessions');
  let seen: string[] = [];
  try {
    seen = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    // Never said yet.
  }
  if (seen.includes(session)) return false;
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, `${[...seen.slice(1 - REMEMBERED), session].join('\n')}\n`);
  } catch {
    // A read-only home: say it every time rather than fail.
  }
  return true;
}

/**
 * The terminal session this process runs in: the terminal's own session id where it sets one
 * (`TERM_SESSION_ID`: macOS Terminal, iTerm2; `WT_SESSION`: Windows Terminal), else on Linux
 * the kernel's session (the shell that the terminal started, and when it started), else the
 * parent process, which is the shell when mcpx is run directly.
 */
export function terminalSession(
  env: Env,
  platform: NodeJS.Platform = process.platform,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): string {
  if (env.TERM_SESSION_ID) return `term:${env.TERM_SESSION_ID}`;
  if (env.WT_SESSION) return `wt:${env.WT_SESSION}`;
  if (platform === 'linux') {
    try {
      const sid = statFields(read('/proc/self/stat'))[3];
      // A session id is a pid, reused one day: with the leader's start and the boot, it is unique.
      const started = statFields(read(`/proc/${sid}/stat`))[19];
      const boot = read('/proc/sys/kernel/random/boot_id').trim();
      if (sid !== undefined && sid !== '0' && started !== undefined) return `sid:${boot}:${sid}:${started}`;
    } catch {
      // No /proc: fall through.
    }
  }
  return `ppid:${process.ppid}`;
}

/** The user's cache folder for mcpx: `$XDG_CACHE_HOME/mcpx`, `~/Library/Caches/mcpx`, `%LOCALAPPDATA%\mcpx\Cache` or `~/.cache/mcpx`. */
export function cacheDir(env: Env, homedir: string, platform: NodeJS.Platform = process.platform): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'mcpx');
  if (platform === 'darwin') return join(homedir, 'Library', 'Caches', 'mcpx');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(homedir, 'AppData', 'Local'), 'mcpx', 'Cache');
  return join(homedir, '.cache', 'mcpx');
}

/** The fields of a /proc/<pid>/stat line after the command name (which may hold spaces): state, ppid, pgrp, session... */
function statFields(line: string): string[] {
  return line
    .slice(line.lastIndexOf(')') + 2)
    .trim()
    .split(' ');
}
