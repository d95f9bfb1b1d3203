import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OAuthError } from '../oauth-error.js';
import { fileTokenStore } from './file-store.js';
import type { StoredLogin } from './token-store.js';

const login = (accessToken: string): StoredLogin => ({
  serverUrl: 'https://mcp.example/mcp',
  issuer: 'https://as.example',
  client: { clientId: 'client-1' },
  tokens: { accessToken, tokenType: 'Bearer', refreshToken: 'refresh-1', expiresAt: 1_900_000_000_000, scope: 'files:read' },
  savedAt: 1_800_000_000_000,
});

const posix = process.platform !== 'win32';
let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mcpx-auth-store-'));
  dir = join(root, 'nested', 'auth');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('fileTokenStore', () => {
  it('gives back what was stored under a key', async () => {
    const store = fileTokenStore({ dir });
    await store.set('mcpx-oauth:https://mcp.example/mcp', login('at-1'));
    expect(await store.get('mcpx-oauth:https://mcp.example/mcp')).toEqual(login('at-1'));
  });

  it('has nothing for a key never stored, even before the folder exists', async () => {
    expect(await fileTokenStore({ dir }).get('mcpx-oauth:https://nowhere.example')).toBeUndefined();
    expect(await fileTokenStore({ dir }).list()).toEqual([]);
  });

  it.runIf(posix)('writes a file of mode 0600 in a folder of mode 0700', async () => {
    await fileTokenStore({ dir }).set('k', login('at-1'));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const [name] = await readdir(dir);
    expect((await stat(join(dir, name ?? ''))).mode & 0o777).toBe(0o600);
  });

  it('names files by a hash of the key, so the server URL is not in the file name', async () => {
    await fileTokenStore({ dir }).set('mcpx-oauth:https://mcp.example/mcp', login('at-1'));
    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^[0-9a-f]{32}\.json$/);
  });

  it('replaces a login atomically and leaves no temporary file behind', async () => {
    const store = fileTokenStore({ dir });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set('k', login(`at-${i}`))));
    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    const stored = await store.get('k');
    expect(stored?.tokens?.accessToken).toMatch(/^at-\d+$/);
    expect(JSON.parse(await readFile(join(dir, names[0] ?? ''), 'utf8'))).toEqual({ key: 'k', login: stored });
  });

  it('treats a damaged file as a missing login', async () => {
    const store = fileTokenStore({ dir });
    await store.set('k', login('at-1'));
    const [name] = await readdir(dir);
    await writeFile(join(dir, name ?? ''), '{"key": "k", "login": {"tok');
    expect(await store.get('k')).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('treats a file holding another key (a hash collision) as a missing login', async () => {
    const store = fileTokenStore({ dir });
    await store.set('k', login('at-1'));
    const [name] = await readdir(dir);
    await writeFile(join(dir, name ?? ''), JSON.stringify({ key: 'other', login: login('at-2') }));
    expect(await store.get('k')).toBeUndefined();
  });

  it('lists every login with its key and skips files that are not logins', async () => {
    const store = fileTokenStore({ dir });
    await store.set('a', login('at-a'));
    await store.set('b', login('at-b'));
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await writeFile(join(dir, 'junk.json'), '[1, 2]');
    const listed = await store.list();
    expect(listed.map((e) => e.key).sort()).toEqual(['a', 'b']);
    expect(listed.find((e) => e.key === 'b')?.login.tokens?.accessToken).toBe('at-b');
  });

  it('deletes a login, and deleting a missing one is not an error', async () => {
    const store = fileTokenStore({ dir });
    await store.set('k', login('at-1'));
    await store.delete('k');
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails to save into a folder it cannot create with an OAuthError naming the folder', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, '');
    const error = await fileTokenStore({ dir: join(file, 'auth') })
      .set('k', login('secret-access-token'))
      .catch((e: unknown) => e);
    expect(OAuthError.isInstance(error)).toBe(true);
    expect((error as OAuthError).step).toBe('token storage');
    expect((error as OAuthError).message).toContain(join(file, 'auth'));
    expect((error as OAuthError).message).not.toContain('secret-access-token');
  });
});
