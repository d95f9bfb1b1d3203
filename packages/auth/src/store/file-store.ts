import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { OAuthError } from '../oauth-error.js';
import type { StoredLogin, TokenStore } from './token-store.js';

/** Options of `fileTokenStore()`. */
export interface FileTokenStoreOptions {
  /**
   * The folder logins are kept in, one file each, created with mode 0700.
   * @default `$XDG_CONFIG_HOME/mcpx/auth`, else `~/.config/mcpx/auth` (`%APPDATA%\mcpx\auth` on Windows)
   */
  dir?: string | undefined;
}

/** The default folder of the file token store. */
export function defaultTokenDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'mcpx', 'auth');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'mcpx', 'auth');
}

/**
 * A `TokenStore` on disk: one JSON file per login, mode 0600, in a folder of mode 0700,
 * written atomically (a temporary file renamed over the old one), so that two processes
 * never read half a file. File names are hashes of the keys.
 */
export function fileTokenStore(options: FileTokenStoreOptions = {}): TokenStore {
  const dir = options.dir ?? defaultTokenDir();
  const fileOf = (key: string): string => join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  const failed = (what: string, error: unknown): OAuthError =>
    new OAuthError('token storage', `could not ${what} in ${dir}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      hint: 'check that the folder is writable by you, or choose another with the store\'s "dir" option',
    });

  const read = async (file: string): Promise<{ key: string; login: StoredLogin } | undefined> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw failed('read a login', error);
    }
    try {
      const parsed = JSON.parse(text) as { key: string; login: StoredLogin };
      return typeof parsed.key === 'string' && typeof parsed.login === 'object' ? parsed : undefined;
    } catch {
      return undefined; // a damaged file is a missing login: the user logs in again
    }
  };

  return {
    async get(key) {
      const entry = await read(fileOf(key));
      return entry?.key === key ? entry.login : undefined;
    },
    async set(key, login) {
      const file = fileOf(key);
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFile(temporary, `${JSON.stringify({ key, login }, null, 2)}\n`, { mode: 0o600 });
        await chmod(temporary, 0o600);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined); // the first failure is the one to report
        throw failed('save a login', error);
      }
    },
    async delete(key) {
      try {
        await rm(fileOf(key), { force: true });
      } catch (error) {
        throw failed('delete a login', error);
      }
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw failed('list logins', error);
      }
      const entries = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => read(join(dir, n))));
      return entries.filter((e): e is { key: string; login: StoredLogin } => e !== undefined);
    },
  };
}
